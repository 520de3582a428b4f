using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CasesPaymentsBookingsAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "bookings_resources",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "DrawAt",
                table: "bookings_lotteries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cases_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProcedureTitleJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcedureTitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicantKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DrafterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RouteJson = table.Column<string>(type: "TEXT", nullable: false),
                    RouteRound = table.Column<int>(type: "INTEGER", nullable: false),
                    RouteStep = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_procedure_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RouteJson = table.Column<string>(type: "TEXT", nullable: false),
                    ChecksJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_procedure_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PaymentNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    AmountYen = table.Column<long>(type: "INTEGER", nullable: false),
                    CapturedYen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedYen = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReturnUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CapturedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_payments", x => x.Id);
                    table.CheckConstraint("CK_payments_payments_amount", "\"AmountYen\" > 0");
                    table.CheckConstraint("CK_payments_payments_refunded", "\"RefundedYen\" >= 0 AND \"RefundedYen\" <= \"CapturedYen\"");
                    table.ForeignKey(
                        name: "FK_payments_payments_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments_webhook_receipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_webhook_receipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_check_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    MessageJa = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MessageEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_check_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_check_results_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeputyFor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Voided = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_decisions_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_events_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_notes_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments_refunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountYen = table.Column<long>(type: "INTEGER", nullable: false),
                    RemainingYen = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_refunds", x => x.Id);
                    table.CheckConstraint("CK_payments_refunds_amount", "\"AmountYen\" > 0 AND \"RemainingYen\" >= 0");
                    table.ForeignKey(
                        name: "FK_payments_refunds_payments_payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "payments_payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments_simulated_charges",
                columns: table => new
                {
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AmountYen = table.Column<long>(type: "INTEGER", nullable: false),
                    CapturedYen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedYen = table.Column<long>(type: "INTEGER", nullable: false),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CapturedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefundedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_simulated_charges", x => x.PaymentId);
                    table.ForeignKey(
                        name: "FK_payments_simulated_charges_payments_payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "payments_payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments_transitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AmountYen = table.Column<long>(type: "INTEGER", nullable: false),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payments_transitions_payments_payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "payments_payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_OrganizationId",
                table: "cases_cases",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_OrganizationId_DepartmentId_Status_DueDate",
                table: "cases_cases",
                columns: new[] { "OrganizationId", "DepartmentId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_OrganizationId_ProcedureId_ApplicantKey",
                table: "cases_cases",
                columns: new[] { "OrganizationId", "ProcedureId", "ApplicantKey" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_SubmissionId",
                table: "cases_cases",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_check_results_CaseId_Order",
                table: "cases_check_results",
                columns: new[] { "CaseId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_check_results_OrganizationId",
                table: "cases_check_results",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_decisions_CaseId_Round_Step",
                table: "cases_decisions",
                columns: new[] { "CaseId", "Round", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_decisions_OrganizationId",
                table: "cases_decisions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_events_CaseId_At",
                table: "cases_events",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_events_OrganizationId",
                table: "cases_events",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_notes_CaseId_At",
                table: "cases_notes",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_notes_OrganizationId",
                table: "cases_notes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_procedure_settings_OrganizationId",
                table: "cases_procedure_settings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_procedure_settings_OrganizationId_ProcedureSlug",
                table: "cases_procedure_settings",
                columns: new[] { "OrganizationId", "ProcedureSlug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_payments_DepartmentId",
                table: "payments_payments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_payments_OrganizationId",
                table: "payments_payments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_payments_OrganizationId_PaymentNumber",
                table: "payments_payments",
                columns: new[] { "OrganizationId", "PaymentNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_payments_OrganizationId_Reference",
                table: "payments_payments",
                columns: new[] { "OrganizationId", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_refunds_OrganizationId",
                table: "payments_refunds",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_refunds_PaymentId",
                table: "payments_refunds",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_simulated_charges_OrganizationId",
                table: "payments_simulated_charges",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_transitions_OrganizationId",
                table: "payments_transitions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_transitions_OrganizationId_OccurredAt",
                table: "payments_transitions",
                columns: new[] { "OrganizationId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_transitions_PaymentId_Id",
                table: "payments_transitions",
                columns: new[] { "PaymentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_webhook_receipts_OrganizationId",
                table: "payments_webhook_receipts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_webhook_receipts_OrganizationId_Gateway_EventId",
                table: "payments_webhook_receipts",
                columns: new[] { "OrganizationId", "Gateway", "EventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_check_results");

            migrationBuilder.DropTable(
                name: "cases_decisions");

            migrationBuilder.DropTable(
                name: "cases_events");

            migrationBuilder.DropTable(
                name: "cases_notes");

            migrationBuilder.DropTable(
                name: "cases_procedure_settings");

            migrationBuilder.DropTable(
                name: "payments_refunds");

            migrationBuilder.DropTable(
                name: "payments_simulated_charges");

            migrationBuilder.DropTable(
                name: "payments_transitions");

            migrationBuilder.DropTable(
                name: "payments_webhook_receipts");

            migrationBuilder.DropTable(
                name: "cases_cases");

            migrationBuilder.DropTable(
                name: "payments_payments");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "bookings_resources");

            migrationBuilder.DropColumn(
                name: "DrawAt",
                table: "bookings_lotteries");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CorrectionsNoticesCounterReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "forms_submissions",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "forms_submissions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "cases_correction_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FieldsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Documents = table.Column<bool>(type: "boolean", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LinkBase = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChangesJson = table.Column<string>(type: "text", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_correction_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_correction_requests_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_notification_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_notification_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecipientMasked = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    OutboxMessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_notifications_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "forms_submission_revisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CorrectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AnswersBeforeJson = table.Column<string>(type: "text", nullable: false),
                    AnswersAfterJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_submission_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_forms_submission_revisions_forms_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "forms_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payments_counter_receipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Method = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AmountYen = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReceivedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_counter_receipts", x => x.Id);
                    table.CheckConstraint("CK_payments_counter_receipts_amount", "\"AmountYen\" > 0");
                    table.ForeignKey(
                        name: "FK_payments_counter_receipts_payments_payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "payments_payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_correction_requests_AnsweredAt_ClosedAt_ReminderSentA~",
                table: "cases_correction_requests",
                columns: new[] { "AnsweredAt", "ClosedAt", "ReminderSentAt", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_correction_requests_CaseId_RequestedAt",
                table: "cases_correction_requests",
                columns: new[] { "CaseId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_correction_requests_OrganizationId",
                table: "cases_correction_requests",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_correction_requests_SubmissionId_RequestedAt",
                table: "cases_correction_requests",
                columns: new[] { "SubmissionId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_correction_requests_TokenHash",
                table: "cases_correction_requests",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_notification_templates_OrganizationId",
                table: "cases_notification_templates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_notification_templates_OrganizationId_Kind_Language",
                table: "cases_notification_templates",
                columns: new[] { "OrganizationId", "Kind", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_notifications_CaseId_CreatedAt",
                table: "cases_notifications",
                columns: new[] { "CaseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_notifications_OrganizationId",
                table: "cases_notifications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_submission_revisions_CorrectionId",
                table: "forms_submission_revisions",
                column: "CorrectionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_submission_revisions_OrganizationId",
                table: "forms_submission_revisions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_submission_revisions_SubmissionId_Number",
                table: "forms_submission_revisions",
                columns: new[] { "SubmissionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_counter_receipts_OrganizationId",
                table: "payments_counter_receipts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_counter_receipts_OrganizationId_ReceiptNumber",
                table: "payments_counter_receipts",
                columns: new[] { "OrganizationId", "ReceiptNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_counter_receipts_PaymentId",
                table: "payments_counter_receipts",
                column: "PaymentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_correction_requests");

            migrationBuilder.DropTable(
                name: "cases_notification_templates");

            migrationBuilder.DropTable(
                name: "cases_notifications");

            migrationBuilder.DropTable(
                name: "forms_submission_revisions");

            migrationBuilder.DropTable(
                name: "payments_counter_receipts");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "forms_submissions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "forms_submissions");
        }
    }
}

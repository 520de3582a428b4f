using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Madoguchi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PaymentNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    AmountYen = table.Column<long>(type: "bigint", nullable: false),
                    CapturedYen = table.Column<long>(type: "bigint", nullable: false),
                    RefundedYen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FailureCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReturnUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Gateway = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CapturedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Gateway = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EventId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_webhook_receipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_refunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountYen = table.Column<long>(type: "bigint", nullable: false),
                    RemainingYen = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AmountYen = table.Column<long>(type: "bigint", nullable: false),
                    CapturedYen = table.Column<long>(type: "bigint", nullable: false),
                    RefundedYen = table.Column<long>(type: "bigint", nullable: false),
                    FailureCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CapturedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RefundedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    To = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AmountYen = table.Column<long>(type: "bigint", nullable: false),
                    FailureCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "payments_refunds");

            migrationBuilder.DropTable(
                name: "payments_simulated_charges");

            migrationBuilder.DropTable(
                name: "payments_transitions");

            migrationBuilder.DropTable(
                name: "payments_webhook_receipts");

            migrationBuilder.DropTable(
                name: "payments_payments");
        }
    }
}

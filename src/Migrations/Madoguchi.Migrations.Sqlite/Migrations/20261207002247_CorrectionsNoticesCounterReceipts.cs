using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "forms_submissions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "cases_correction_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Documents = table.Column<bool>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LinkBase = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangesJson = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_notification_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecipientMasked = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    OutboxMessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CorrectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersBeforeJson = table.Column<string>(type: "TEXT", nullable: false),
                    AnswersAfterJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AmountYen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "IX_cases_correction_requests_AnsweredAt_ClosedAt_ReminderSentAt_RequestedAt",
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InboxOrderCounterChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_cases_OrganizationId_DepartmentId_Status_DueDate",
                table: "cases_cases");

            migrationBuilder.AddColumn<Guid>(
                name: "EnteredById",
                table: "forms_submissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnteredByName",
                table: "forms_submissions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CounterStaffId",
                table: "forms_drafts",
                type: "TEXT",
                nullable: true);

            // Cases made before counter mode were all made online.
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "cases_cases",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "web");

            migrationBuilder.AddColumn<string>(
                name: "EnteredByName",
                table: "cases_cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOpen",
                table: "cases_cases",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "\"Status\" NOT IN (4, 5, 6)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_inbox",
                table: "cases_cases",
                columns: new[] { "OrganizationId", "DepartmentId", "IsOpen", "DueDate", "SubmittedAt", "Id" },
                descending: new[] { false, false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_inbox_organization",
                table: "cases_cases",
                columns: new[] { "OrganizationId", "IsOpen", "DueDate", "SubmittedAt", "Id" },
                descending: new[] { false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_inbox_status",
                table: "cases_cases",
                columns: new[] { "OrganizationId", "DepartmentId", "Status", "IsOpen", "DueDate", "SubmittedAt", "Id" },
                descending: new[] { false, false, false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_receipt_trgm",
                table: "cases_cases",
                column: "ReceiptNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_cases_inbox",
                table: "cases_cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_cases_inbox_organization",
                table: "cases_cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_cases_inbox_status",
                table: "cases_cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_cases_receipt_trgm",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "IsOpen",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "EnteredById",
                table: "forms_submissions");

            migrationBuilder.DropColumn(
                name: "EnteredByName",
                table: "forms_submissions");

            migrationBuilder.DropColumn(
                name: "CounterStaffId",
                table: "forms_drafts");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "EnteredByName",
                table: "cases_cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_OrganizationId_DepartmentId_Status_DueDate",
                table: "cases_cases",
                columns: new[] { "OrganizationId", "DepartmentId", "Status", "DueDate" });
        }
    }
}

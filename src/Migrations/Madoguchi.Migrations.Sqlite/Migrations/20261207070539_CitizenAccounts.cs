using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CitizenAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CitizenAccountId",
                table: "forms_submissions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CitizenAccountId",
                table: "forms_drafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "cases_notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "cases_notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "accounts_citizens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    OidcSubject = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSignedInAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProfileUpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FamilyNameKana = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GivenNameKana = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Address = table.Column<string>(type: "TEXT", nullable: true),
                    Building = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    NotificationChannel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_citizens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_sign_in_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_sign_in_links", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_forms_submissions_CitizenAccountId",
                table: "forms_submissions",
                column: "CitizenAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_drafts_CitizenAccountId",
                table: "forms_drafts",
                column: "CitizenAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_citizens_OrganizationId",
                table: "accounts_citizens",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_citizens_OrganizationId_Email",
                table: "accounts_citizens",
                columns: new[] { "OrganizationId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_citizens_OrganizationId_OidcSubject",
                table: "accounts_citizens",
                columns: new[] { "OrganizationId", "OidcSubject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_sign_in_links_ExpiresAt",
                table: "accounts_sign_in_links",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_sign_in_links_OrganizationId",
                table: "accounts_sign_in_links",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_sign_in_links_OrganizationId_Email_CreatedAt",
                table: "accounts_sign_in_links",
                columns: new[] { "OrganizationId", "Email", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_sign_in_links_TokenHash",
                table: "accounts_sign_in_links",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_citizens");

            migrationBuilder.DropTable(
                name: "accounts_sign_in_links");

            migrationBuilder.DropIndex(
                name: "IX_forms_submissions_CitizenAccountId",
                table: "forms_submissions");

            migrationBuilder.DropIndex(
                name: "IX_forms_drafts_CitizenAccountId",
                table: "forms_drafts");

            migrationBuilder.DropColumn(
                name: "CitizenAccountId",
                table: "forms_submissions");

            migrationBuilder.DropColumn(
                name: "CitizenAccountId",
                table: "forms_drafts");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "cases_notifications");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "cases_notifications");
        }
    }
}

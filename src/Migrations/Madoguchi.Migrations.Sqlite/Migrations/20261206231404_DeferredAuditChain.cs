using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeferredAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_audit_entries_OrganizationId_Sequence",
                table: "platform_audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_OrganizationId_Sequence",
                table: "platform_audit_entries",
                columns: new[] { "OrganizationId", "Sequence" },
                unique: true,
                filter: "\"Sequence\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_unchained",
                table: "platform_audit_entries",
                columns: new[] { "OrganizationId", "Id" },
                filter: "\"Sequence\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_audit_entries_OrganizationId_Sequence",
                table: "platform_audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_platform_audit_entries_unchained",
                table: "platform_audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_OrganizationId_Sequence",
                table: "platform_audit_entries",
                columns: new[] { "OrganizationId", "Sequence" },
                unique: true);
        }
    }
}

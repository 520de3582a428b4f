using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CitizenPasskeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts_passkey_challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CitizenAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    OptionsJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_passkey_challenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_passkeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    CredentialId = table.Column<byte[]>(type: "bytea", maxLength: 1023, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", maxLength: 2048, nullable: false),
                    SignCount = table.Column<long>(type: "bigint", nullable: false),
                    UserHandle = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_passkeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_passkeys_accounts_citizens_CitizenAccountId",
                        column: x => x.CitizenAccountId,
                        principalTable: "accounts_citizens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_passkey_challenges_ExpiresAt",
                table: "accounts_passkey_challenges",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_passkey_challenges_OrganizationId",
                table: "accounts_passkey_challenges",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_passkeys_CitizenAccountId",
                table: "accounts_passkeys",
                column: "CitizenAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_passkeys_OrganizationId",
                table: "accounts_passkeys",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_passkeys_OrganizationId_CredentialId",
                table: "accounts_passkeys",
                columns: new[] { "OrganizationId", "CredentialId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_passkey_challenges");

            migrationBuilder.DropTable(
                name: "accounts_passkeys");
        }
    }
}

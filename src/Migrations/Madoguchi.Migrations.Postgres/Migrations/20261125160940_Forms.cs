using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Madoguchi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Forms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forms_form_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_form_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_funnel_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FormVersion = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Attempt = table.Column<Guid>(type: "uuid", nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_funnel_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_postal_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_postal_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_receipt_counters",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Next = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_receipt_counters", x => new { x.OrganizationId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "forms_uploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_uploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FormVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResumeLinkSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AbandonedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempt = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_drafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_forms_drafts_forms_form_versions_FormVersionId",
                        column: x => x.FormVersionId,
                        principalTable: "forms_form_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "forms_submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FormVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    ComputedJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StatusTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusTokenProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IdempotencyKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms_submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_forms_submissions_forms_form_versions_FormVersionId",
                        column: x => x.FormVersionId,
                        principalTable: "forms_form_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_forms_drafts_ExpiresAt",
                table: "forms_drafts",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_forms_drafts_FormVersionId",
                table: "forms_drafts",
                column: "FormVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_drafts_OrganizationId",
                table: "forms_drafts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_drafts_TokenHash",
                table: "forms_drafts",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_form_versions_OrganizationId",
                table: "forms_form_versions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_form_versions_OrganizationId_ProcedureId_Number",
                table: "forms_form_versions",
                columns: new[] { "OrganizationId", "ProcedureId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_funnel_events_OrganizationId",
                table: "forms_funnel_events",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_funnel_events_OrganizationId_ProcedureSlug_OccurredAt",
                table: "forms_funnel_events",
                columns: new[] { "OrganizationId", "ProcedureSlug", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_forms_postal_codes_OrganizationId",
                table: "forms_postal_codes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_postal_codes_OrganizationId_Code",
                table: "forms_postal_codes",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_receipt_counters_OrganizationId",
                table: "forms_receipt_counters",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_submissions_DraftId",
                table: "forms_submissions",
                column: "DraftId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_submissions_FormVersionId",
                table: "forms_submissions",
                column: "FormVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_submissions_OrganizationId",
                table: "forms_submissions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_submissions_OrganizationId_IdempotencyKeyHash",
                table: "forms_submissions",
                columns: new[] { "OrganizationId", "IdempotencyKeyHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_submissions_OrganizationId_ReceiptNumber",
                table: "forms_submissions",
                columns: new[] { "OrganizationId", "ReceiptNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_submissions_StatusTokenHash",
                table: "forms_submissions",
                column: "StatusTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_forms_uploads_DraftId",
                table: "forms_uploads",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_uploads_OrganizationId",
                table: "forms_uploads",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forms_drafts");

            migrationBuilder.DropTable(
                name: "forms_funnel_events");

            migrationBuilder.DropTable(
                name: "forms_postal_codes");

            migrationBuilder.DropTable(
                name: "forms_receipt_counters");

            migrationBuilder.DropTable(
                name: "forms_submissions");

            migrationBuilder.DropTable(
                name: "forms_uploads");

            migrationBuilder.DropTable(
                name: "forms_form_versions");
        }
    }
}

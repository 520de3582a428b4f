using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublicComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "public_comments_processes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReceiptPrefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TitleJa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SummaryJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Channels = table.Column<int>(type: "integer", nullable: false),
                    RequireName = table.Column<bool>(type: "boolean", nullable: false),
                    RequireAddress = table.Column<bool>(type: "boolean", nullable: false),
                    RequireContact = table.Column<bool>(type: "boolean", nullable: false),
                    AskAgeGroup = table.Column<bool>(type: "boolean", nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactFax = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContactAddressJa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ContactDepartmentJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResultPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RetentionDays = table.Column<int>(type: "integer", nullable: false),
                    PersonalDataErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsDemoSample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_comments_processes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_public_comments_processes_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "public_comments_sections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    HeadingJa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BodyJa = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_comments_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_public_comments_sections_public_comments_processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "public_comments_processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "public_comments_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    SummaryJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ResponseJa = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DraftChanged = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_comments_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_public_comments_groups_public_comments_processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "public_comments_processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_public_comments_groups_public_comments_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "public_comments_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "public_comments_opinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    SubmitterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubmitterAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubmitterEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AgeGroup = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    SubmissionKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublicSummaryJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResponseJa = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DraftChanged = table.Column<bool>(type: "boolean", nullable: false),
                    PersonalDataErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_comments_opinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_public_comments_opinions_public_comments_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "public_comments_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_public_comments_opinions_public_comments_processes_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "public_comments_processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_public_comments_opinions_public_comments_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "public_comments_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_groups_OrganizationId",
                table: "public_comments_groups",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_groups_ProcessId_Number",
                table: "public_comments_groups",
                columns: new[] { "ProcessId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_groups_SectionId",
                table: "public_comments_groups",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_opinions_GroupId",
                table: "public_comments_opinions",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_opinions_OrganizationId",
                table: "public_comments_opinions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_opinions_ProcessId_Sequence",
                table: "public_comments_opinions",
                columns: new[] { "ProcessId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_opinions_ProcessId_SubmissionKeyHash",
                table: "public_comments_opinions",
                columns: new[] { "ProcessId", "SubmissionKeyHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_opinions_SectionId",
                table: "public_comments_opinions",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_processes_DepartmentId",
                table: "public_comments_processes",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_processes_OrganizationId",
                table: "public_comments_processes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_processes_OrganizationId_Slug",
                table: "public_comments_processes",
                columns: new[] { "OrganizationId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_sections_OrganizationId",
                table: "public_comments_sections",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_sections_ProcessId_Number",
                table: "public_comments_sections",
                columns: new[] { "ProcessId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_comments_opinions");

            migrationBuilder.DropTable(
                name: "public_comments_groups");

            migrationBuilder.DropTable(
                name: "public_comments_sections");

            migrationBuilder.DropTable(
                name: "public_comments_processes");
        }
    }
}

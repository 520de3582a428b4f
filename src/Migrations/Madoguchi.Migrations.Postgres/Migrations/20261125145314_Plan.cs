using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Plan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TitleJa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartFiscalYear = table.Column<int>(type: "integer", nullable: false),
                    EndFiscalYear = table.Column<int>(type: "integer", nullable: false),
                    VisionJa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    VisionDetailJa = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SourceNoteJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PreviousPlanTitleJa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_progress_statuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameJa = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ImpliedProgress = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_progress_statuses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_council_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    SummaryJa = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_council_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_council_reports_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_nodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    TitleJa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DescriptionJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,3)", precision: 9, scale: 3, nullable: false),
                    RepeatsNumber = table.Column<int>(type: "integer", nullable: true),
                    AllDepartments = table.Column<bool>(type: "boolean", nullable: false),
                    ReadingNoteJa = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Schedule = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_nodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_nodes_plan_nodes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "plan_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_nodes_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_previous_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PolicyCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PolicyTitleJa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleJa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DepartmentsJa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DepartmentCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusAsOfJa = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CarriedOverTo = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_previous_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_previous_items_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_priority_goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    TitleJa = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DescriptionJa = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UnitJa = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BaselineValue = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    BaselineFiscalYear = table.Column<int>(type: "integer", nullable: false),
                    TargetValue = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    TargetFiscalYear = table.Column<int>(type: "integer", nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "boolean", nullable: false),
                    MeasurementIntervalMonths = table.Column<int>(type: "integer", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_priority_goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_priority_goals_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_progress_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    StatusCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    DoneJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IssuesJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NextYearPlanJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IndicatorValuesJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReturnReasonJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    EvaluationCommentJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NextYearPlanCommentJa = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EvaluatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EvaluatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_progress_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_progress_reports_plan_nodes_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "plan_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_progress_reports_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_project_departments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_project_departments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_project_departments_plan_nodes_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "plan_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_project_departments_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_goal_measurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceJa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_goal_measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_goal_measurements_plan_priority_goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "plan_priority_goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_council_reports_OrganizationId",
                table: "plan_council_reports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_council_reports_PlanId_FiscalYear",
                table: "plan_council_reports",
                columns: new[] { "PlanId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_goal_measurements_GoalId",
                table: "plan_goal_measurements",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_goal_measurements_OrganizationId",
                table: "plan_goal_measurements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_nodes_OrganizationId",
                table: "plan_nodes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_nodes_ParentId",
                table: "plan_nodes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_nodes_PlanId_Number",
                table: "plan_nodes",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_nodes_PlanId_ParentId_SortOrder",
                table: "plan_nodes",
                columns: new[] { "PlanId", "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_plans_OrganizationId",
                table: "plan_plans",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_plans_OrganizationId_Slug",
                table: "plan_plans",
                columns: new[] { "OrganizationId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_previous_items_OrganizationId",
                table: "plan_previous_items",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_previous_items_PlanId_Number",
                table: "plan_previous_items",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_priority_goals_OrganizationId",
                table: "plan_priority_goals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_priority_goals_PlanId_Number",
                table: "plan_priority_goals",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_progress_reports_DepartmentId",
                table: "plan_progress_reports",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_progress_reports_OrganizationId",
                table: "plan_progress_reports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_progress_reports_PlanId_FiscalYear",
                table: "plan_progress_reports",
                columns: new[] { "PlanId", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_progress_reports_ProjectId_DepartmentId_FiscalYear",
                table: "plan_progress_reports",
                columns: new[] { "ProjectId", "DepartmentId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_progress_statuses_OrganizationId",
                table: "plan_progress_statuses",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_progress_statuses_OrganizationId_Code",
                table: "plan_progress_statuses",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_project_departments_DepartmentId",
                table: "plan_project_departments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_project_departments_OrganizationId",
                table: "plan_project_departments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_project_departments_ProjectId_DepartmentId",
                table: "plan_project_departments",
                columns: new[] { "ProjectId", "DepartmentId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_council_reports");

            migrationBuilder.DropTable(
                name: "plan_goal_measurements");

            migrationBuilder.DropTable(
                name: "plan_previous_items");

            migrationBuilder.DropTable(
                name: "plan_progress_reports");

            migrationBuilder.DropTable(
                name: "plan_progress_statuses");

            migrationBuilder.DropTable(
                name: "plan_project_departments");

            migrationBuilder.DropTable(
                name: "plan_priority_goals");

            migrationBuilder.DropTable(
                name: "plan_nodes");

            migrationBuilder.DropTable(
                name: "plan_plans");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TitleJa = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    VisionJa = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    VisionDetailJa = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SourceNoteJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PreviousPlanTitleJa = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_progress_statuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameJa = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ImpliedProgress = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_progress_statuses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_council_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    SummaryJa = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    TitleJa = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DescriptionJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: false),
                    RepeatsNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    AllDepartments = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReadingNoteJa = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PolicyTitleJa = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleJa = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DepartmentsJa = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DepartmentCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusAsOfJa = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CarriedOverTo = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleJa = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DescriptionJa = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UnitJa = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BaselineValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    BaselineFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    TargetFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    MeasurementIntervalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IssuesJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NextYearPlanJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IndicatorValuesJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnReasonJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    EvaluationCommentJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NextYearPlanCommentJa = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EvaluatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EvaluatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SourceJa = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false)
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

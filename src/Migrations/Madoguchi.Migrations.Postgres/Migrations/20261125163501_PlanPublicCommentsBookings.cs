using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlanPublicCommentsBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RepresentativeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Members = table.Column<int>(type: "integer", nullable: false),
                    IsResident = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_lotteries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TitleJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResourceIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicationsOpenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApplicationsCloseAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MaxApplicationsPerGroup = table.Column<int>(type: "integer", nullable: false),
                    MaxWinsPerGroup = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SeedCommitment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeedProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PublishedInputs = table.Column<string>(type: "text", nullable: true),
                    PublishedResult = table.Column<string>(type: "text", nullable: true),
                    DrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_lotteries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DescriptionJa = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LocationJa = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LocationEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsOnline = table.Column<bool>(type: "boolean", nullable: false),
                    VideoBaseUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    SlotMinutes = table.Column<int>(type: "integer", nullable: false),
                    BufferMinutes = table.Column<int>(type: "integer", nullable: false),
                    Hours = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ClosedOnHolidays = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedOnYearEnd = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedDates = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Rules = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FeeResidentYen = table.Column<int>(type: "integer", nullable: false),
                    FeeNonResidentYen = table.Column<int>(type: "integer", nullable: false),
                    FeeGroupYen = table.Column<int>(type: "integer", nullable: false),
                    Questions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ProcedureSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_resources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_resources_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "bookings_lottery_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LotteryId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Preference = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReservationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_lottery_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_lottery_applications_bookings_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "bookings_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bookings_lottery_applications_bookings_lotteries_LotteryId",
                        column: x => x.LotteryId,
                        principalTable: "bookings_lotteries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bookings_slots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Taken = table.Column<int>(type: "integer", nullable: false),
                    LotteryId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_slots", x => x.Id);
                    table.CheckConstraint("CK_bookings_slots_capacity", "\"Taken\" >= 0 AND \"Taken\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_bookings_slots_bookings_resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "bookings_resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "bookings_holds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BookingId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_holds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_holds_bookings_slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "bookings_slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bookings_reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    FeeYen = table.Column<int>(type: "integer", nullable: false),
                    Answers = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ManageTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ManageTokenProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    VideoLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConfirmBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NoShowMarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_reservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_reservations_bookings_resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "bookings_resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bookings_reservations_bookings_slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "bookings_slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bookings_waitlist",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OfferTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OfferedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OfferExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReservationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_waitlist", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_waitlist_bookings_slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "bookings_slots",
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
                name: "IX_bookings_groups_OrganizationId",
                table: "bookings_groups",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_groups_OrganizationId_Number",
                table: "bookings_groups",
                columns: new[] { "OrganizationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_holds_OrganizationId",
                table: "bookings_holds",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_holds_SlotId",
                table: "bookings_holds",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_holds_Status_ExpiresAt",
                table: "bookings_holds",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_holds_TokenHash",
                table: "bookings_holds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_lotteries_OrganizationId",
                table: "bookings_lotteries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_lottery_applications_GroupId",
                table: "bookings_lottery_applications",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_lottery_applications_LotteryId_GroupId_Preference",
                table: "bookings_lottery_applications",
                columns: new[] { "LotteryId", "GroupId", "Preference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_lottery_applications_LotteryId_GroupId_ResourceId_~",
                table: "bookings_lottery_applications",
                columns: new[] { "LotteryId", "GroupId", "ResourceId", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_lottery_applications_OrganizationId",
                table: "bookings_lottery_applications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_reservations_ManageTokenHash",
                table: "bookings_reservations",
                column: "ManageTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_reservations_OrganizationId",
                table: "bookings_reservations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_reservations_OrganizationId_Reference",
                table: "bookings_reservations",
                columns: new[] { "OrganizationId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_reservations_PersonKey_StartsAt",
                table: "bookings_reservations",
                columns: new[] { "PersonKey", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_reservations_ResourceId_StartsAt",
                table: "bookings_reservations",
                columns: new[] { "ResourceId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_reservations_SlotId",
                table: "bookings_reservations",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_reservations_Status_StartsAt",
                table: "bookings_reservations",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_resources_DepartmentId",
                table: "bookings_resources",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_resources_OrganizationId",
                table: "bookings_resources",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_resources_OrganizationId_Slug",
                table: "bookings_resources",
                columns: new[] { "OrganizationId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_slots_LotteryId",
                table: "bookings_slots",
                column: "LotteryId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_slots_OrganizationId",
                table: "bookings_slots",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_slots_ResourceId_StartsAt",
                table: "bookings_slots",
                columns: new[] { "ResourceId", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_waitlist_OfferTokenHash",
                table: "bookings_waitlist",
                column: "OfferTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_waitlist_OrganizationId",
                table: "bookings_waitlist",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_waitlist_SlotId_Status_CreatedAt",
                table: "bookings_waitlist",
                columns: new[] { "SlotId", "Status", "CreatedAt" });

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
                name: "bookings_holds");

            migrationBuilder.DropTable(
                name: "bookings_lottery_applications");

            migrationBuilder.DropTable(
                name: "bookings_reservations");

            migrationBuilder.DropTable(
                name: "bookings_waitlist");

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
                name: "public_comments_opinions");

            migrationBuilder.DropTable(
                name: "bookings_groups");

            migrationBuilder.DropTable(
                name: "bookings_lotteries");

            migrationBuilder.DropTable(
                name: "bookings_slots");

            migrationBuilder.DropTable(
                name: "plan_priority_goals");

            migrationBuilder.DropTable(
                name: "plan_nodes");

            migrationBuilder.DropTable(
                name: "public_comments_groups");

            migrationBuilder.DropTable(
                name: "bookings_resources");

            migrationBuilder.DropTable(
                name: "plan_plans");

            migrationBuilder.DropTable(
                name: "public_comments_sections");

            migrationBuilder.DropTable(
                name: "public_comments_processes");
        }
    }
}

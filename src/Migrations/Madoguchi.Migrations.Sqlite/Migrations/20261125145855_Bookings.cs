using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Madoguchi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Bookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RepresentativeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false),
                    IsResident = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_lotteries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TitleJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResourceIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApplicationsOpenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApplicationsCloseAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmBy = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MaxApplicationsPerGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxWinsPerGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SeedCommitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeedProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishedInputs = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedResult = table.Column<string>(type: "TEXT", nullable: true),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings_lotteries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DescriptionJa = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LocationJa = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LocationEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    VideoBaseUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ClosedOnHolidays = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedOnYearEnd = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedDates = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FeeResidentYen = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeNonResidentYen = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeGroupYen = table.Column<int>(type: "INTEGER", nullable: false),
                    Questions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ProcedureSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "bookings_lottery_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotteryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Preference = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReservationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false),
                    LotteryId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                name: "bookings_holds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeYen = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ManageTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ManageTokenProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    VideoLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmBy = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NoShowMarkedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OfferTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OfferedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfferExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReservationId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                name: "IX_bookings_lottery_applications_LotteryId_GroupId_ResourceId_StartsAt",
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
                name: "bookings_groups");

            migrationBuilder.DropTable(
                name: "bookings_lotteries");

            migrationBuilder.DropTable(
                name: "bookings_slots");

            migrationBuilder.DropTable(
                name: "bookings_resources");
        }
    }
}

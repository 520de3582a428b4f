using System.Reflection;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Idempotency;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Procedures.Catalog;
using Madoguchi.Procedures.LifeEvents;
using Madoguchi.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using OutboxService = Madoguchi.Platform.Outbox.Outbox;

namespace Madoguchi.IntegrationTests;

/// <summary>Organisations cannot see each other's rows through MadoguchiDb, for every tenant-owned entity, on PostgreSQL.</summary>
public sealed class TenancyTests
{
    private const string OtherCode = "TST";

    [Fact]
    public async Task EveryTenantOwnedEntity_OfAnotherOrganization_IsInvisibleInThisOrganizationsScope()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var other = await SeedOtherOrganizationAsync(app, ct);
        await Plan.TenancySeed.SeedAsync(app, OtherCode, ct);

        var entityTypes = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => Task.FromResult(TenantOwnedEntityTypes(db.Model)));
        Assert.NotEmpty(entityTypes);
        foreach (var entityType in entityTypes)
        {
            var clr = entityType.ClrType;
            var check = CheckMethod.MakeGenericMethod(clr);
            foreach (var (code, mine, theirs) in new[] { (DemoSeeder.OrganizationCode, DemoSeeder.OrganizationId, other), (OtherCode, other, DemoSeeder.OrganizationId) })
            {
                var result = await app.InOrganizationAsync(code, (db, _) => (Task<Visibility>)check.Invoke(null, [db, mine, theirs, ct])!);
                Assert.True(result.Theirs > 0, $"{clr.Name}: the test has no rows of the other organisation to hide; seed some in {nameof(SeedOtherOrganizationAsync)}.");
                Assert.True(result.Mine > 0, $"{clr.Name}: organisation {code} has no rows, so visibility proves nothing; seed some.");
                Assert.True(result.VisibleTheirs == 0, $"{clr.Name}: {result.VisibleTheirs} rows of another organisation are visible in {code}'s scope.");
                Assert.True(result.Visible == result.Mine, $"{clr.Name}: {code}'s scope sees {result.Visible} rows, it owns {result.Mine}.");
            }

            // A scope acting for no organisation sees no tenant row at all.
            await using var scope = app.Services.CreateAsyncScope();
            var none = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
            var nobody = await (Task<Visibility>)check.Invoke(null, [none, DemoSeeder.OrganizationId, other, ct])!;
            Assert.True(nobody.Visible == 0, $"{clr.Name}: a scope without an organisation sees {nobody.Visible} rows.");
        }
    }

    public sealed record Visibility(int Visible, int VisibleTheirs, int Mine, int Theirs);

    private static readonly MethodInfo CheckMethod = typeof(TenancyTests).GetMethod(nameof(CheckAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<Visibility> CheckAsync<T>(MadoguchiDb db, Guid mine, Guid theirs, CancellationToken ct)
        where T : class, ITenantOwned
    {
        var visible = await db.Set<T>().CountAsync(ct);
        var visibleTheirs = await db.Set<T>().CountAsync(e => e.OrganizationId == theirs, ct);
        var all = db.Set<T>().IgnoreQueryFilters();
        return new Visibility(visible, visibleTheirs, await all.CountAsync(e => e.OrganizationId == mine, ct), await all.CountAsync(e => e.OrganizationId == theirs, ct));
    }

    /// <summary>Every root entity type in the model whose rows belong to an organisation.</summary>
    public static List<IEntityType> TenantOwnedEntityTypes(IModel model) =>
        [.. model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null && !e.IsOwned())];

    private static IdempotencyRecord IdempotencyRecordFor(string scope) => new()
    {
        Id = Guid.NewGuid(),
        Scope = scope,
        Key = "same-key",
        RequestHash = new string('0', 64),
        StatusCode = 201,
        CreatedAt = DateTime.UtcNow,
        ExpiresAt = DateTime.UtcNow.AddHours(24),
    };

    /// <summary>One row of each forms table (version, draft, upload, submission and its revision, funnel event, receipt counter) in the current organisation.</summary>
    private static void AddFormRows(MadoguchiDb db, Guid procedureId)
    {
        var now = DateTime.UtcNow;
        var version = Madoguchi.Forms.Versions.FormVersion.CreateDraft(procedureId, 99, Madoguchi.Forms.Definitions.FormDefinition.Parse(Madoguchi.Testing.Forms.TestForms.Definition), now);
        version.Publish("test", now);
        db.Add(version);
        var draft = new Madoguchi.Forms.Drafts.Draft { Id = Guid.NewGuid(), ProcedureId = procedureId, ProcedureSlug = "juminhyo-copy", FormVersionId = version.Id, TokenHash = Guid.NewGuid().ToString("N"), CreatedAt = now };
        draft.Touch(now);
        db.Add(draft);
        db.Add(new Madoguchi.Forms.Uploads.Upload { Id = Guid.NewGuid(), DraftId = draft.Id, FileName = "a.pdf", ContentType = "application/pdf", Size = 5, Sha256 = new string('0', 64), StoragePath = "x", CreatedAt = now });
        var submissionId = Guid.NewGuid();
        db.Add(new Madoguchi.Forms.Submissions.Submission
        {
            Id = submissionId,
            ProcedureId = procedureId,
            ProcedureSlug = "juminhyo-copy",
            FormVersionId = version.Id,
            ReceiptNumber = "T-" + Guid.NewGuid().ToString("N")[..8],
            AnswersJson = "{}",
            StatusTokenHash = Guid.NewGuid().ToString("N"),
            StatusTokenProtected = "x",
            SubmittedAt = now,
        });
        db.Add(new Madoguchi.Forms.Corrections.SubmissionRevision { Id = Guid.NewGuid(), SubmissionId = submissionId, CorrectionId = Guid.NewGuid(), Number = 1, AnswersBeforeJson = "{}", AnswersAfterJson = "{}", CreatedAt = now });
        db.Add(new Madoguchi.Forms.Funnel.FunnelEvent { ProcedureSlug = "juminhyo-copy", Kind = Madoguchi.Forms.Funnel.FunnelEventKind.View, OccurredAt = now });
        db.Add(new Madoguchi.Forms.Submissions.ReceiptCounter { OrganizationId = db.CurrentOrganizationId, Year = 1999, Next = 1 });
    }

    /// <summary>A second organisation with a row of every tenant-owned kind, made through the app's own services.</summary>
    private static async Task<Guid> SeedOtherOrganizationAsync(MadoguchiApp app, CancellationToken ct)
    {
        // Musashino's demo seed has no outbox message or idempotency record of its own.
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, services) =>
        {
            services.GetRequiredService<OutboxService>().Enqueue(EmailOutboxHandler.MessageType, new EmailMessage("admin@musashino.example", "件名", "本文"));
            db.IdempotencyRecords.Add(IdempotencyRecordFor("apikey:musashino"));
            AddFormRows(db, db.Set<Procedure>().Single(p => p.Slug == "juminhyo-copy").Id);
            return db.SaveChangesAsync(ct);
        });
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) => { await Bookings.BookingsTenancySeed.SeedAsync(db, ct); return 0; });
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) => { await Payments.PaymentsTenancySeed.SeedAsync(db, ct); return 0; });
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) => { await Cases.CasesTenancySeed.SeedAsync(db, ct); return 0; });
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) => { await Accounts.AccountsTenancySeed.SeedAsync(db, ct); return 0; });

        var id = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
            db.Organizations.Add(new Organization { Id = id, Code = OtherCode, NameJa = "三鷹市", NameEn = "Mitaka City", HostNames = "mitaka.localhost", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }

        await app.InOrganizationAsync(OtherCode, async (db, services) =>
        {
            var department = new Department { Id = Guid.NewGuid(), Code = "it-policy", NameJa = "情報推進課", NameEn = "IT Policy Division", Level = DepartmentLevel.Division };
            db.Departments.Add(department);
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = "other", Prefix = "mdg_othe", SecretHash = ApiKey.Hash(ApiKey.NewSecret()), Scopes = ApiScopes.OrganizationRead, CreatedAt = DateTime.UtcNow });
            services.GetRequiredService<OutboxService>().Enqueue(EmailOutboxHandler.MessageType, new EmailMessage("admin@mitaka.example", "件名", "本文"));
            db.Add(new Procedure
            {
                Id = Guid.NewGuid(),
                Slug = "juminhyo-copy",
                TitleJa = "住民票の写し",
                TitleEn = "Residence record",
                SummaryJa = "三鷹",
                SummaryEn = "Mitaka",
                ResponsibleDepartmentId = department.Id,
            });
            db.Add(new LifeEvent { Id = Guid.NewGuid(), Slug = "moving-in", TitleJa = "転入", TitleEn = "Moving in" });
            db.Add(new Madoguchi.Forms.PostalCodes.PostalCode { Id = Guid.NewGuid(), Code = "1810013", Address = "東京都三鷹市下連雀" });
            await db.SaveChangesAsync(ct);
            AddFormRows(db, db.Set<Procedure>().Single(p => p.Slug == "juminhyo-copy").Id);
            db.IdempotencyRecords.Add(IdempotencyRecordFor("apikey:mitaka"));
            await db.SaveChangesAsync(ct);
            await Bookings.BookingsTenancySeed.SeedAsync(db, ct);
            await Payments.PaymentsTenancySeed.SeedAsync(db, ct);
            await Cases.CasesTenancySeed.SeedAsync(db, ct);
            await Accounts.AccountsTenancySeed.SeedAsync(db, ct);

            // The same user name as Musashino's admin: unique per organisation, not across them.
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser
            {
                UserName = "admin@musashino.example",
                Email = "admin@mitaka.example",
                DisplayName = "三鷹 管理者",
                OrganizationId = id,
                Departments = [new DepartmentMembership { DepartmentId = department.Id }],
            };
            var created = await users.CreateAsync(user, DemoSeeder.DemoPassword);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            return 0;
        });
        return id;
    }
}

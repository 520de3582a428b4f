using System.Linq.Expressions;
using System.Reflection;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Caching;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Idempotency;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Madoguchi.Platform.Data;

/// <summary>
/// The one DbContext. It applies every module's entity configurations, puts the tenant filter on
/// every <see cref="ITenantOwned"/> entity, stamps new rows with the current organisation, and
/// writes each change's audit entry into the hash chain in the same transaction.
/// </summary>
public class MadoguchiDb : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    /// <summary>Name of the global query filter that isolates organisations.</summary>
    public const string TenantFilter = "Tenant";

    private readonly TenantContext? _tenant;
    private readonly ICurrentActor? _actor;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<Assembly> _modelAssemblies;
    private readonly ReadCache? _readCache;

    public MadoguchiDb(DbContextOptions<MadoguchiDb> options, TenantContext? tenant = null, ICurrentActor? actor = null,
        TimeProvider? clock = null, IEnumerable<ModelAssembly>? modelAssemblies = null, ReadCache? readCache = null)
        : base(options)
    {
        _readCache = readCache;
        _tenant = tenant;
        _actor = actor;
        _clock = clock ?? TimeProvider.System;
        _modelAssemblies = (modelAssemblies ?? []).Select(m => m.Assembly).Distinct().ToList();
    }

    /// <summary>The organisation rows are visible for; <see cref="Guid.Empty"/> sees no tenant row.</summary>
    public Guid CurrentOrganizationId => _tenant?.OrganizationId ?? Guid.Empty;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentMembership> DepartmentMemberships => Set<DepartmentMembership>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>ASP.NET Core Data Protection keys (cookies, antiforgery), shared by every instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MadoguchiDb).Assembly);
        foreach (var assembly in _modelAssemblies)
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }

        var apply = typeof(MadoguchiDb).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                apply.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
            }
        }
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder)
        where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.OrganizationId == CurrentOrganizationId;
        builder.Entity<T>().HasQueryFilter(TenantFilter, filter);
        builder.Entity<T>().HasIndex(e => e.OrganizationId);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_readCache is null)
        {
            return await SaveAndAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // What this save changes, so that cached public reads of those entities are evicted once it is written.
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        var written = await SaveAndAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
        _readCache.Evict(changed);
        return written;
    }

    private async Task<int> SaveAndAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        StampTenant();
        AddChangeAuditEntries();
        var pendingAudit = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.IsNpgsql())
        {
            // PostgreSQL: written unchained (Sequence 0) with the business change, linked moments later by the
            // AuditChainer, so that concurrent writers never queue on one chain lock through their commits (ADR 0004).
            foreach (var entry in pendingAudit)
            {
                entry.OrganizationId = entry.OrganizationId == Guid.Empty ? CurrentOrganizationId : entry.OrganizationId;
                if (entry.OrganizationId == Guid.Empty)
                {
                    throw new InvalidOperationException("An audit entry needs an organisation.");
                }

                entry.Sequence = 0;
                entry.PreviousHash = "";
                entry.Hash = "";
            }

            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await ChainAsync(pendingAudit, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await ChainAsync(pendingAudit, cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>New tenant rows without an organisation take the current one; a row can never move.</summary>
    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.OrganizationId == Guid.Empty)
            {
                if (CurrentOrganizationId == Guid.Empty)
                {
                    throw new InvalidOperationException($"A new {entry.Metadata.ClrType.Name} has no organisation and none is current.");
                }

                entry.Entity.OrganizationId = CurrentOrganizationId;
            }
            else if (entry.State == EntityState.Modified && IsChanged(entry.Property(nameof(ITenantOwned.OrganizationId))))
            {
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} cannot move to another organisation.");
            }
        }
    }

    /// <summary>
    /// Every state change of a tenant row is audited: which fields, never their values. Technical
    /// rows (audit, outbox, idempotency records) are not business changes and are not audited.
    /// </summary>
    private void AddChangeAuditEntries()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var actor = _actor?.Actor ?? "system";
        var changes = ChangeTracker.Entries<ITenantOwned>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not OutboxMessage and not IdempotencyRecord and not IAuditExempt)
            .ToList();
        foreach (var entry in changes)
        {
            var action = entry.State switch
            {
                EntityState.Added => "entity.created",
                EntityState.Deleted => "entity.deleted",
                _ => "entity.modified",
            };
            var fields = entry.State == EntityState.Modified
                ? string.Join(',', entry.Properties.Where(IsChanged).Select(p => p.Metadata.Name))
                : "";
            var audit = AuditEntry.Create(actor, action, entry.Metadata.ClrType.Name, KeyOf(entry), fields, now);
            audit.OrganizationId = entry.Entity.OrganizationId;
            AuditEntries.Add(audit);
        }
    }

    /// <summary>Identity's stores mark every property modified; only a different value is a change.</summary>
    private static bool IsChanged(PropertyEntry property) =>
        property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join('/', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Links new audit entries to the end of their organisation's chain, in the writer's transaction: used on
    /// SQLite, whose transactions are already exclusive writers (BEGIN IMMEDIATE); on PostgreSQL the
    /// <see cref="AuditChainer"/> links under its advisory lock with the same <see cref="AuditChainer.LinkAsync"/>.
    /// A unique index on (OrganizationId, Sequence) of the chained entries backs both.
    /// </summary>
    internal async Task ChainAsync(List<AuditEntry> pending, CancellationToken cancellationToken)
    {
        foreach (var group in pending.GroupBy(e => e.OrganizationId == Guid.Empty ? CurrentOrganizationId : e.OrganizationId))
        {
            var organizationId = group.Key;
            if (organizationId == Guid.Empty)
            {
                throw new InvalidOperationException("An audit entry needs an organisation.");
            }

            foreach (var entry in group)
            {
                entry.OrganizationId = organizationId;
            }

            await AuditChainer.LinkAsync(this, organizationId, group, cancellationToken);
        }
    }
}

/// <summary>An assembly whose <see cref="IEntityTypeConfiguration{TEntity}"/>s join the model (one per module).</summary>
public sealed record ModelAssembly(Assembly Assembly);

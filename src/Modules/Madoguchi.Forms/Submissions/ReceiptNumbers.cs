using System.Collections.Concurrent;
using System.Globalization;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Forms.Submissions;

/// <summary>
/// 受付番号: <c>{organisation code}-{year}-{number:000000}</c>, e.g. MSN-2026-000123, unique per
/// organisation and year. Each app instance reserves a block of numbers in its own short transaction
/// (an atomic upsert on <see cref="ReceiptCounter"/>) and hands them out from memory, so submissions
/// never queue on one counter row (ADR 0010). Numbers rise but may skip: a restart drops the rest of
/// its block, and two instances interleave.
/// </summary>
public sealed class ReceiptNumbers(IServiceScopeFactory scopes)
{
    public const int BlockSize = 20;

    private readonly ConcurrentDictionary<(Guid Organization, int Year), Block> _blocks = new();

    public static string Format(string organizationCode, int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{organizationCode}-{year}-{number:000000}");

    public async Task<long> NextAsync(Guid organizationId, int year, CancellationToken cancellationToken)
    {
        var block = _blocks.GetOrAdd((organizationId, year), _ => new Block());
        await block.Gate.WaitAsync(cancellationToken);
        try
        {
            if (block.Next >= block.End)
            {
                var end = await ReserveAsync(organizationId, year, cancellationToken);
                block.Next = end - BlockSize;
                block.End = end;
            }

            return block.Next++;
        }
        finally
        {
            block.Gate.Release();
        }
    }

    /// <summary>Moves the organisation's counter on by a block and returns its new end (exclusive).</summary>
    private async Task<long> ReserveAsync(Guid organizationId, int year, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
        // First block: 1..BlockSize, so Next is stored as BlockSize + 1.
        var end = await db.Database.SqlQuery<long>($"""
            INSERT INTO "forms_receipt_counters" ("OrganizationId", "Year", "Next") VALUES ({organizationId}, {year}, {BlockSize + 1L})
            ON CONFLICT ("OrganizationId", "Year") DO UPDATE SET "Next" = "forms_receipt_counters"."Next" + {(long)BlockSize}
            RETURNING "Next" AS "Value"
            """).ToListAsync(cancellationToken);
        return end[0];
    }

    private sealed class Block
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public long Next { get; set; }
        public long End { get; set; }
    }
}

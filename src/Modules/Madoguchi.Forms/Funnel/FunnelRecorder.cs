using System.Text.RegularExpressions;
using Madoguchi.Platform.Data;

namespace Madoguchi.Forms.Funnel;

/// <summary>Adds funnel events to the caller's unit of work (saved with it). Never records a value.</summary>
public sealed partial class FunnelRecorder(MadoguchiDb db, TimeProvider clock)
{
    public void Record(string slug, int formVersion, FunnelEventKind kind, Guid? attempt, string? step = null, string? field = null) =>
        db.Add(new FunnelEvent
        {
            ProcedureSlug = slug,
            FormVersion = formVersion,
            Kind = kind,
            Attempt = attempt,
            Step = step,
            // members[2].name → members[].name: the field, not which item.
            Field = field is null ? null : Index().Replace(field, "[]"),
            OccurredAt = clock.GetUtcNow().UtcDateTime,
        });

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}

using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Notifications;

/// <summary>Seeds the default notice wording (ja/en) into the organisation, where staff can change it.</summary>
public sealed class NotificationTemplatesDemoContent(TimeProvider clock) : IDemoContent
{
    public async Task SeedAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Set<NotificationTemplate>().Select(t => new { t.Kind, t.Language }).ToListAsync(cancellationToken);
        foreach (var ((kind, language), text) in NotificationTemplates.Defaults)
        {
            if (!existing.Any(e => e.Kind == kind && e.Language == language))
            {
                db.Add(new NotificationTemplate { Id = Guid.NewGuid(), Kind = kind, Language = language, Subject = text.Subject, Body = text.Body, UpdatedAt = clock.GetUtcNow().UtcDateTime });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.PublicComments.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.PublicComments.Pages;

/// <summary>Shared by the public comment pages: the process from the route, its sections, the clock.</summary>
public abstract class PublicCommentsPageModel(MadoguchiDb db, TimeProvider clock) : PageModel
{
    protected MadoguchiDb Db => db;
    protected TimeProvider Clock => clock;

    public PublicCommentProcess Process { get; protected set; } = null!;
    public IReadOnlyList<DraftSection> Sections { get; protected set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>令和8年1月5日（月）23時59分（日本時間）: the last moment an opinion may arrive.</summary>
    public string DeadlineText => PublicCommentProcess.JapaneseDate(Process.ReceivedBy) + " 23:59（日本時間）";

    protected async Task<bool> LoadProcessAsync(string slug, CancellationToken cancellationToken)
    {
        var process = await db.Set<PublicCommentProcess>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (process is null)
        {
            return false;
        }

        Process = process;
        Sections = await db.Set<DraftSection>().AsNoTracking().Where(s => s.ProcessId == process.Id).OrderBy(s => s.Number).ToListAsync(cancellationToken);
        return true;
    }
}

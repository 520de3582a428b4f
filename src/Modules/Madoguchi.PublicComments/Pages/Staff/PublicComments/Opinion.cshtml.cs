using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.PublicComments.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.PublicComments.Pages.Staff.PublicComments;

/// <summary>Handling one opinion: its published summary (without personal data), its group, or its own response.</summary>
public sealed class OpinionModel(MadoguchiDb db, TimeProvider clock, ICurrentActor actor, IStringLocalizer<PublicCommentsResource> t) : StaffProcessModel(db, clock, actor)
{
    public Opinion Opinion { get; private set; } = null!;
    public IReadOnlyList<OpinionGroup> Groups { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public string? PublicSummary { get; set; }
    [BindProperty] public Guid? GroupId { get; set; }
    [BindProperty] public string? CityResponse { get; set; }
    [BindProperty] public bool DraftChanged { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int sequence, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, sequence, cancellationToken) is { } refused)
        {
            return refused;
        }

        PublicSummary = Opinion.PublicSummaryJa;
        GroupId = Opinion.GroupId;
        CityResponse = Opinion.ResponseJa;
        DraftChanged = Opinion.DraftChanged;
        await AuditReadAsync("opinion " + Opinion.ReceiptNumber, 1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int sequence, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, sequence, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (GroupId is { } g && Groups.All(x => x.Id != g))
        {
            Errors["GroupId"] = t["Error_GroupUnknown"];
        }

        if (PublicSummary is { Length: > 4000 } || CityResponse is { Length: > 8000 })
        {
            Errors["PublicSummary"] = t["Error_TooLong", 4000, 8000];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var opinion = await Db.Set<Opinion>().FirstAsync(o => o.Id == Opinion.Id, cancellationToken);
        opinion.PublicSummaryJa = PublicSummary?.Trim() ?? "";
        opinion.GroupId = GroupId;
        opinion.ResponseJa = CityResponse?.Trim() ?? "";
        opinion.DraftChanged = DraftChanged;
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/staff/public-comments/{Process.Slug}?done=opinion-saved");
    }

    private async Task<IActionResult?> LoadAsync(string slug, int sequence, CancellationToken cancellationToken)
    {
        if (await LoadForStaffAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        var opinion = await Db.Set<Opinion>().AsNoTracking().FirstOrDefaultAsync(o => o.ProcessId == Process.Id && o.Sequence == sequence, cancellationToken);
        if (opinion is null)
        {
            return NotFound();
        }

        Opinion = opinion;
        Groups = await Db.Set<OpinionGroup>().AsNoTracking().Where(g => g.ProcessId == Process.Id).OrderBy(g => g.Number).ToListAsync(cancellationToken);
        return null;
    }
}

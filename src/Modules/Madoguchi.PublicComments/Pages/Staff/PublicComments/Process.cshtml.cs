using System.Globalization;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.PublicComments.Model;
using Madoguchi.PublicComments.Processing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.PublicComments.Pages.Staff.PublicComments;

/// <summary>
/// One process for its staff: every opinion with the submitter's data (audited), recording opinions
/// that came by email, FAX or post (late ones marked), grouping and answering, publishing the result,
/// and the full CSV export.
/// </summary>
public sealed class ProcessModel(MadoguchiDb db, TimeProvider clock, ICurrentActor actor, OpinionIntake intake, IStringLocalizer<PublicCommentsResource> t)
    : StaffProcessModel(db, clock, actor)
{
    public IReadOnlyList<Opinion> Opinions { get; private set; } = [];
    public IReadOnlyList<OpinionGroup> Groups { get; private set; } = [];
    public int Unanswered { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; private set; }

    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public string? ReceivedOn { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Section { get; set; }
    [BindProperty] public string? Body { get; set; }

    [BindProperty] public Guid? GroupId { get; set; }
    [BindProperty] public string? GroupSummary { get; set; }
    [BindProperty] public string? GroupResponse { get; set; }
    [BindProperty] public bool GroupChanged { get; set; }

    public string SectionName(Guid? id) => id is { } s && Sections.FirstOrDefault(x => x.Id == s) is { } section ? $"{section.Number}. {section.HeadingJa}" : t["WholeDraft"].Value;

    public async Task<IActionResult> OnGetAsync(string slug, string? done, CancellationToken cancellationToken)
    {
        if (await LoadForStaffAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = done is null ? null : t["StaffDone_" + done].Value;
        await LoadOpinionsAsync(cancellationToken);
        await AuditReadAsync("opinions list", Opinions.Count, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadForStaffAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        var channel = Channel switch { "Email" => OpinionChannels.Email, "Fax" => OpinionChannels.Fax, "Post" => OpinionChannels.Post, _ => OpinionChannels.None };
        if (channel == OpinionChannels.None || !Process.Accepts(channel))
        {
            Errors["channel-Email"] = t["Error_ChannelRequired"];
        }

        var today = DateOnly.FromDateTime(PublicCommentProcess.ToJapan(Now));
        if (!DateOnly.TryParseExact(ReceivedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var receivedOn) || receivedOn > today)
        {
            Errors["ReceivedOn"] = t["Error_ReceivedOn"];
        }

        int? section = int.TryParse(Section, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (Errors.Count == 0)
        {
            var result = await intake.TakeAsync(Process, new OpinionInput(Name, Address, Email, null, section, Body), channel,
                PublicCommentProcess.ToUtc(receivedOn, TimeOnly.MinValue), Now, null, ActorName, cancellationToken);
            foreach (var (field, code) in result.FieldErrors)
            {
                Errors[field] = t["Error_" + code, OpinionIntake.MaxFieldLength, Opinion.MaxBodyLength];
            }

            if (result.Succeeded)
            {
                return Redirect($"/staff/public-comments/{Process.Slug}?done={(result.Opinion!.IsLate ? "recorded-late" : "recorded")}");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadOpinionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostGroupAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadForStaffAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(GroupSummary) || GroupSummary.Length > 4000 || GroupResponse is { Length: > 8000 })
        {
            Errors[GroupId is null ? "GroupSummary" : $"group-{GroupId}-summary"] = t["Error_GroupSummary"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadOpinionsAsync(cancellationToken);
            return Page();
        }

        if (GroupId is { } id)
        {
            var group = await Db.Set<OpinionGroup>().FirstOrDefaultAsync(g => g.Id == id && g.ProcessId == Process.Id, cancellationToken);
            if (group is null)
            {
                return NotFound();
            }

            group.SummaryJa = GroupSummary.Trim();
            group.ResponseJa = GroupResponse?.Trim() ?? "";
            group.DraftChanged = GroupChanged;
        }
        else
        {
            var number = (await Db.Set<OpinionGroup>().Where(g => g.ProcessId == Process.Id).MaxAsync(g => (int?)g.Number, cancellationToken) ?? 0) + 1;
            Db.Add(new OpinionGroup { Id = Guid.NewGuid(), ProcessId = Process.Id, Number = number, SummaryJa = GroupSummary.Trim(), ResponseJa = GroupResponse?.Trim() ?? "", DraftChanged = GroupChanged });
        }

        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/staff/public-comments/{Process.Slug}?done=group-saved");
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadForStaffAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (_, unanswered) = await ResultTable.BuildAsync(Db, Process, cancellationToken);
        if (!Process.IsClosed(Now))
        {
            Errors["publish-button"] = t["Error_PublishBeforeClose"];
        }
        else if (unanswered > 0)
        {
            Errors["publish-button"] = t["Error_PublishUnanswered", unanswered];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadOpinionsAsync(cancellationToken);
            return Page();
        }

        var process = await Db.Set<PublicCommentProcess>().FirstAsync(p => p.Id == Process.Id, cancellationToken);
        process.ResultPublishedAt ??= Now;
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/staff/public-comments/{Process.Slug}?done=published");
    }

    public async Task<IActionResult> OnGetCsvAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadForStaffAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadOpinionsAsync(cancellationToken);
        await AuditReadAsync("csv export", Opinions.Count, cancellationToken);
        var groups = Groups.ToDictionary(g => g.Id);
        var rows = Opinions.Select(o => new string?[]
        {
            o.ReceiptNumber, t["Channel_" + o.Channel].Value, PublicCommentProcess.ToJapan(o.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), o.IsLate ? "期限後" : "",
            SectionName(o.SectionId), o.SubmitterName, o.SubmitterAddress, o.SubmitterEmail, o.AgeGroup, o.Body, o.PublicSummaryJa,
            o.GroupId is { } g && groups.TryGetValue(g, out var group) ? group.Number.ToString(CultureInfo.InvariantCulture) : "",
            o.GroupId is { } g2 && groups.TryGetValue(g2, out var group2) ? group2.ResponseJa : o.ResponseJa,
            (o.GroupId is { } g3 && groups.TryGetValue(g3, out var group3) ? group3.DraftChanged : o.DraftChanged) ? "有" : "無", o.RecordedBy,
        });
        var bytes = Csv.Write(["受付番号", "提出方法", "受付日時（日本時間）", "期限", "対象", "氏名", "住所", "メールアドレス", "年代", "意見", "意見の概要", "グループ", "市の考え方", "案の修正", "記録者"], rows);
        return File(bytes, Csv.ContentType, $"{Process.Slug}-opinions.csv");
    }

    private async Task LoadOpinionsAsync(CancellationToken cancellationToken)
    {
        Opinions = await Db.Set<Opinion>().AsNoTracking().Where(o => o.ProcessId == Process.Id).OrderBy(o => o.Sequence).ToListAsync(cancellationToken);
        Groups = await Db.Set<OpinionGroup>().AsNoTracking().Where(g => g.ProcessId == Process.Id).OrderBy(g => g.Number).ToListAsync(cancellationToken);
        (_, Unanswered) = await ResultTable.BuildAsync(Db, Process, cancellationToken);
    }
}

using Madoguchi.Cases.Cases;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Corrections;

/// <summary>
/// 状況照会: the steps of a case in plain words for the applicant (受付, 審査中, 補正依頼中 and what to do,
/// 補正済み, 決裁中, 完了/却下 with the decision). Internal steps (assignment, approvals, 差戻し) are not shown.
/// </summary>
public sealed class ApplicationStatusSteps(MadoguchiDb db, TimeProvider clock) : IApplicationStatusSteps
{
    public async Task<IReadOnlyList<ApplicationStatusStep>> StepsAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        var @case = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionId == submissionId, cancellationToken);
        if (@case is null)
        {
            return [];
        }

        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(cancellationToken);
        var corrections = await db.Set<CorrectionRequest>().AsNoTracking().Where(r => r.CaseId == @case.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var steps = new List<ApplicationStatusStep> { new("received", @case.SubmittedAt, "受付", "Received", "申請を受け付けました。", "We received your application.", false, false) };
        foreach (var e in events.OrderBy(e => e.At))
        {
            var step = e.Action switch
            {
                "accept" when e.FromStatus == CaseStatus.Received =>
                    new ApplicationStatusStep("under-review", e.At, "審査中", "Under review", "担当課が申請の内容を確かめています。", "The department is checking your application.", false, false),
                "request-correction" => CorrectionStep(e, corrections, now),
                "correction-answered" =>
                    new ApplicationStatusStep("corrected", e.At, "補正済み・審査中", "Corrected, under review", "補正を受け付けました。担当課が審査を続けています。", "We received your correction; the department continues checking.", false, false),
                "accept" when e.FromStatus == CaseStatus.AwaitingCorrection =>
                    new ApplicationStatusStep("under-review", e.At, "審査中", "Under review", "担当課が審査を続けています。", "The department continues checking your application.", false, false),
                "submit-for-approval" when steps.All(s => s.Kind != "in-approval") =>
                    new ApplicationStatusStep("in-approval", e.At, "決裁中", "Being decided", "審査が終わり、決定の手続き中です。", "The check is done; the decision is being made.", false, false),
                "complete" =>
                    new ApplicationStatusStep("completed", e.At, "完了", "Completed", "手続が完了しました。" + Reason(e.Comment, true), "Your application has been completed." + Reason(e.Comment, false), false, false),
                "reject" =>
                    new ApplicationStatusStep("rejected", e.At, "却下", "Refused", "申請は却下されました。" + Reason(e.Comment, true), "Your application was refused." + Reason(e.Comment, false), false, false),
                "withdraw-application" =>
                    new ApplicationStatusStep("withdrawn", e.At, "取下げ", "Withdrawn", "申請は取り下げられました。", "The application was withdrawn.", false, false),
                _ => null,
            };
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        var last = steps.Count - 1;
        steps[last] = steps[last] with { IsCurrent = true, NeedsAction = steps[last].NeedsAction && @case.Status == CaseStatus.AwaitingCorrection };
        for (var i = 0; i < last; i++)
        {
            steps[i] = steps[i] with { NeedsAction = false };
        }

        return steps;
    }

    private static ApplicationStatusStep CorrectionStep(CaseEvent e, List<CorrectionRequest> corrections, DateTime now)
    {
        var request = corrections.Where(r => r.RequestedAt <= e.At.AddSeconds(1)).OrderByDescending(r => r.RequestedAt).FirstOrDefault();
        var message = request?.Message ?? e.Comment ?? "";
        var open = request?.IsOpen(now) ?? false;
        var expires = request is null ? "" : DateTime.SpecifyKind(request.ExpiresAt, DateTimeKind.Utc).AddHours(9).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new ApplicationStatusStep("awaiting-correction", e.At, "補正依頼中", "Correction requested",
            $"担当課から補正（修正・追加）のお願いがあります: 「{message}」" + (open ? $" 下のリンクから、{expires}（日本時間）までに補正してください。" : ""),
            $"The department asks you to correct or add something: “{message}”" + (open ? $" Please make the correction with the link below by {expires} (Japan time)." : ""),
            false, open);
    }

    private static string Reason(string? comment, bool japanese) =>
        string.IsNullOrWhiteSpace(comment) ? "" : japanese ? $" 理由・決定内容: {comment}" : $" Reason and decision: {comment}";
}

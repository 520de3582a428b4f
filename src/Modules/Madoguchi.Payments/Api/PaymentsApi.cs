using System.Globalization;
using System.Text;
using CsvHelper;
using Madoguchi.Payments.Gateways;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Reconciliation;
using Madoguchi.Payments.Refunds;
using Madoguchi.Payments.Webhooks;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Http;
using Madoguchi.Platform.Idempotency;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Payments.Api;

/// <summary>
/// Payments for other systems (API key with the <c>payments</c> scope), after GOV.UK Pay: create with
/// an <c>Idempotency-Key</c> and send the citizen to <c>nextUrl</c>; read the state; refund with the
/// <c>refundAmountAvailable</c> guard; the daily reconciliation (JSON or CSV). Plus the simulated
/// gateway's signed webhook endpoint. Amounts are whole yen (integers).
/// </summary>
public static class PaymentsApi
{
    /// <summary>Policy name of the host's API-key scope policy (<c>scope:payments</c>).</summary>
    public const string ScopePolicy = "scope:" + ApiScopes.Payments;

    public sealed record CreatePaymentRequest(long? Amount, string? Reference, string? Description, string? ReturnUrl, string? DepartmentCode, string? PayerName = null, string? DueDate = null);

    public sealed record CreatedPaymentDto(Guid PaymentId, string Status, string NextUrl);

    public sealed record TransitionDto(string From, string To, long Amount, string? FailureCode, string Source, DateTime OccurredAt);

    public sealed record PaymentDto(Guid PaymentId, string PaymentNumber, string Reference, string Description, long Amount, string Status, string? FailureCode,
        long CapturedAmount, long RefundedAmount, long RefundAmountAvailable, string NextUrl, string SlipUrl, string ReturnUrl, DateTime CreatedAt, DateTime ExpiresAt,
        IReadOnlyList<TransitionDto> History);

    public sealed record RefundRequest(long? Amount, long? RefundAmountAvailable);

    public sealed record RefundDto(Guid RefundId, Guid PaymentId, long Amount, long RefundAmountAvailable, string PaymentStatus, DateTime CreatedAt);

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/payments").WithTags("Payments").RequireRateLimiting(RateLimitPolicies.PublicApi);
        api.MapPost("", Create).WithName("CreatePayment")
            .WithSummary("Creates a payment of `amount` yen for `reference`; send the citizen to `nextUrl`. Idempotency-Key required: the same key and body replay the first answer, another body under the key is 422. returnUrl must be on the organisation's host or the allow-list.")
            .RequireAuthorization(ScopePolicy).WithIdempotency()
            .Produces<CreatedPaymentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{id:guid}", Get).WithName("GetPayment")
            .WithSummary("The payment as stored now (strongly consistent): status, failure code, amounts, refundAmountAvailable and its transition history.")
            .RequireAuthorization(ScopePolicy)
            .Produces<PaymentDto>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/refunds", CreateRefund).WithName("RefundPayment")
            .WithSummary("Refunds `amount` yen. `refundAmountAvailable` must equal what is still refundable (else 412: someone refunded meanwhile, GET and decide again); 409 when not captured; 422 when the amount is zero or more than is left.")
            .RequireAuthorization(ScopePolicy).WithIdempotency()
            .Produces<RefundDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id:guid}/capture", Capture).WithName("CapturePayment")
            .WithSummary("Captures (売上確定) an authorised payment for its full amount and answers the payment. Idempotency-Key required (a retry replays the answer). 409 with `status` when it is not authorised: already captured, cancelled, failed, expired, or not yet authorised.")
            .RequireAuthorization(ScopePolicy).WithIdempotency()
            .Produces<PaymentDto>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelPayment")
            .WithSummary("Cancels a payment not yet captured (created, started or authorised: the hold is released) and answers the payment; cancelling again is a no-op. Idempotency-Key required. 409 with `status` when it is captured (refund instead), failed or expired.")
            .RequireAuthorization(ScopePolicy).WithIdempotency()
            .Produces<PaymentDto>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/reconciliation", Reconcile).WithName("GetPaymentReconciliation")
            .WithSummary("Daily reconciliation (date=YYYY-MM-DD, JST): captured, refunded and outstanding yen per department and reference prefix, and the payments whose amounts differ from the gateway's settlement report. format=csv for CSV.")
            .RequireAuthorization(ScopePolicy)
            .Produces<ReconciliationReport>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/webhooks/simulated", Webhook).WithName("SimulatedGatewayWebhook")
            .WithSummary("The simulated gateway's webhooks, signed (Madoguchi-Signature: t=…,v1=HMAC-SHA256 of \"t.body\"). 401 when the signature is wrong or older than 5 minutes; a repeated event is a no-op.")
            .AllowAnonymous().DisableAntiforgery()
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    internal static string NextUrl(HttpRequest request, IPaymentGateway gateway, Payment payment)
    {
        var next = gateway.NextUrl(payment);
        return next.StartsWith('/') ? $"{request.Scheme}://{request.Host}{request.PathBase}{next}" : next;
    }

    private static async Task<Results<Created<CreatedPaymentDto>, ValidationProblem, ProblemHttpResult>> Create(CreatePaymentRequest request, HttpContext http,
        PaymentService payments, GatewayRegistry gateways, ReturnUrlPolicy returnUrls, TenantContext tenant, MadoguchiDb db, CancellationToken cancellationToken)
    {
        if (!http.Request.Headers.ContainsKey(IdempotencyFilter.HeaderName))
        {
            return Problem(StatusCodes.Status400BadRequest, "idempotency-key-required",
                "Idempotency-Key ヘッダーを付けてください（再送しても二重に作られません）。", "Send an Idempotency-Key header, so that a retry never creates a second payment.");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Amount is not { } amount || amount <= 0 || amount > Payment.MaxAmountYen)
        {
            errors["amount"] = [$"金額は1円以上{Payment.MaxAmountYen:N0}円以下の整数（円）で指定してください。 amount must be whole yen from 1 to {Payment.MaxAmountYen:N0}."];
        }

        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > Payment.MaxReferenceLength)
        {
            errors["reference"] = [$"reference（申請番号など）を{Payment.MaxReferenceLength}文字以内で指定してください。 Give a reference of at most {Payment.MaxReferenceLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > Payment.MaxDescriptionLength)
        {
            errors["description"] = [$"description（支払う内容）を{Payment.MaxDescriptionLength}文字以内で指定してください。 Give a description of at most {Payment.MaxDescriptionLength} characters."];
        }

        if (!returnUrls.IsAllowed(request.ReturnUrl, tenant.Organization!))
        {
            errors["returnUrl"] = ["returnUrl は自治体のドメイン（または許可リストのホスト）の http(s) URL にしてください。 returnUrl must be an http(s) URL on the organisation's own host or an allowed host."];
        }

        if (request.PayerName is { Length: > Payment.MaxPayerNameLength })
        {
            errors["payerName"] = [$"payerName（納付者）は{Payment.MaxPayerNameLength}文字以内にしてください。 payerName must be at most {Payment.MaxPayerNameLength} characters."];
        }

        DateOnly? dueDate = null;
        if (!string.IsNullOrEmpty(request.DueDate))
        {
            if (DateOnly.TryParseExact(request.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                dueDate = parsed;
            }
            else
            {
                errors["dueDate"] = ["dueDate（納期限）は YYYY-MM-DD 形式の日付にしてください。 dueDate must be a YYYY-MM-DD date."];
            }
        }

        Guid? departmentId = null;
        if (!string.IsNullOrEmpty(request.DepartmentCode))
        {
            departmentId = await db.Departments.Where(d => d.Code == request.DepartmentCode).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
            if (departmentId is null)
            {
                errors["departmentCode"] = ["この課のコードは見つかりません。 No department has this code."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "入力内容を確認してください / Check the request", type: "https://madoguchi.example/problems/validation");
        }

        var payment = await payments.CreateAsync(new NewPayment(request.Amount!.Value, request.Reference!.Trim(), request.Description!.Trim(), request.ReturnUrl!, departmentId,
            PayerName: string.IsNullOrWhiteSpace(request.PayerName) ? null : request.PayerName.Trim(), DueDate: dueDate), cancellationToken);
        var gateway = gateways.For(payment);
        return TypedResults.Created($"/api/v1/payments/{payment.Id}", new CreatedPaymentDto(payment.Id, PaymentLifecycle.Text(payment.Status), NextUrl(http.Request, gateway, payment)));
    }

    private static async Task<Results<Ok<PaymentDto>, ProblemHttpResult>> Get(Guid id, HttpContext http, PaymentService payments, GatewayRegistry gateways, CancellationToken cancellationToken)
    {
        var payment = await payments.FindAsync(id, cancellationToken);
        if (payment is null)
        {
            return NotFound();
        }

        await payments.ExpireIfDueAsync(payment, cancellationToken);
        var history = await payments.HistoryAsync(id, cancellationToken);
        var slipUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/pay/{payment.Id}/slip";
        return TypedResults.Ok(ToDto(payment, history, NextUrl(http.Request, gateways.For(payment), payment), slipUrl));
    }

    private static async Task<Results<Ok<PaymentDto>, ProblemHttpResult>> Capture(Guid id, HttpContext http, PaymentService payments, GatewayRegistry gateways, CancellationToken cancellationToken)
    {
        if (RequireKey(http) is { } missing)
        {
            return missing;
        }

        var outcome = await payments.CaptureAsync(id, "api", cancellationToken);
        if (outcome == TransitionOutcome.Applied && await payments.FindAsync(id, cancellationToken) is { } captured)
        {
            // The gateway settles the hold it authorised; ours is already recorded, so a failure here is retried by the caller with the same key.
            await gateways.For(captured).CaptureAsync(captured, cancellationToken);
        }

        return await AnswerAsync(id, outcome, http, payments, gateways, "capture-not-allowed",
            "この支払いは売上確定できません（与信済みの支払いだけが確定できます）。", "Only an authorised payment can be captured.", cancellationToken);
    }

    private static async Task<Results<Ok<PaymentDto>, ProblemHttpResult>> Cancel(Guid id, HttpContext http, PaymentService payments, GatewayRegistry gateways, CancellationToken cancellationToken)
    {
        if (RequireKey(http) is { } missing)
        {
            return missing;
        }

        var outcome = await payments.CancelAsync(id, "api", cancellationToken);
        if (outcome == TransitionOutcome.Applied && await payments.FindAsync(id, cancellationToken) is { } cancelled)
        {
            await gateways.For(cancelled).CancelAsync(cancelled, cancellationToken);
        }

        return await AnswerAsync(id, outcome, http, payments, gateways, "cancel-not-allowed",
            "この支払いは取り消せません（収納済みなら返金してください）。", "This payment cannot be cancelled: a captured payment is refunded instead.", cancellationToken);
    }

    private static ProblemHttpResult? RequireKey(HttpContext http) =>
        http.Request.Headers.ContainsKey(IdempotencyFilter.HeaderName)
            ? null
            : Problem(StatusCodes.Status400BadRequest, "idempotency-key-required",
                "Idempotency-Key ヘッダーを付けてください（再送しても二重に処理されません）。", "Send an Idempotency-Key header, so that a retry is never done twice.");

    /// <summary>200 with the payment after the command; 409 with the current <c>status</c> when the lifecycle refused it.</summary>
    private static async Task<Results<Ok<PaymentDto>, ProblemHttpResult>> AnswerAsync(Guid id, TransitionOutcome outcome, HttpContext http, PaymentService payments,
        GatewayRegistry gateways, string code, string ja, string en, CancellationToken cancellationToken)
    {
        payments.ForgetPendingChanges();
        var payment = outcome == TransitionOutcome.NotFound ? null : await payments.FindAsync(id, cancellationToken);
        if (payment is null)
        {
            return NotFound();
        }

        var status = PaymentLifecycle.Text(payment.Status);
        if (outcome == TransitionOutcome.NotAllowed)
        {
            return Problem(StatusCodes.Status409Conflict, code, $"{ja}（現在の状態: {status}）", $"{en} (current status: {status})",
                new Dictionary<string, object?> { ["status"] = status });
        }

        var history = await payments.HistoryAsync(id, cancellationToken);
        var slipUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/pay/{payment.Id}/slip";
        return TypedResults.Ok(ToDto(payment, history, NextUrl(http.Request, gateways.For(payment), payment), slipUrl));
    }

    internal static PaymentDto ToDto(Payment p, IReadOnlyList<PaymentTransition> history, string nextUrl, string slipUrl) =>
        new(p.Id, p.PaymentNumber, p.Reference, p.Description, p.AmountYen, PaymentLifecycle.Text(p.Status), p.FailureCode, p.CapturedYen, p.RefundedYen,
            p.RefundAmountAvailable, nextUrl, slipUrl, p.ReturnUrl, p.CreatedAt, p.ExpiresAt,
            [.. history.Select(t => new TransitionDto(PaymentLifecycle.Text(t.From), PaymentLifecycle.Text(t.To), t.AmountYen, t.FailureCode, t.Source, t.OccurredAt))]);

    private static async Task<Results<Created<RefundDto>, ProblemHttpResult>> CreateRefund(Guid id, RefundRequest request, RefundService refunds, CancellationToken cancellationToken)
    {
        if (request.Amount is not { } amount || request.RefundAmountAvailable is not { } available)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "refund-invalid",
                "amount と refundAmountAvailable（今返金できる額、GET で確認）を円の整数で指定してください。", "Send amount and refundAmountAvailable (what can be refunded now, from GET) as whole yen.");
        }

        var result = await refunds.RefundAsync(id, amount, available, cancellationToken);
        return result.Outcome switch
        {
            RefundOutcome.Created => TypedResults.Created($"/api/v1/payments/{id}",
                new RefundDto(result.Refund!.Id, id, amount, result.RefundAmountAvailable,
                    PaymentLifecycle.Text(result.RefundAmountAvailable == 0 ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded), result.Refund.CreatedAt)),
            RefundOutcome.NotFound => NotFound(),
            RefundOutcome.NotRefundable => Problem(StatusCodes.Status409Conflict, "refund-not-available",
                "この支払いは返金できません（未収納、または返金済み）。", "This payment cannot be refunded: it is not captured or already fully refunded."),
            RefundOutcome.AvailableMismatch => Problem(StatusCodes.Status412PreconditionFailed, "refund-amount-available-mismatch",
                $"返金可能額が変わっています（現在 {result.RefundAmountAvailable:N0}円）。もう一度確認してから返金してください。",
                $"The refundable amount has changed (now {result.RefundAmountAvailable:N0} yen). Check again before refunding.",
                new Dictionary<string, object?> { ["refundAmountAvailable"] = result.RefundAmountAvailable }),
            _ => Problem(StatusCodes.Status422UnprocessableEntity, "refund-amount-invalid",
                $"返金額は1円以上 {result.RefundAmountAvailable:N0}円以下にしてください。", $"The refund must be from 1 to {result.RefundAmountAvailable:N0} yen.",
                new Dictionary<string, object?> { ["refundAmountAvailable"] = result.RefundAmountAvailable }),
        };
    }

    private static async Task<IResult> Reconcile(string? date, string? format, ReconciliationService reconciliation, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid-date", "date は YYYY-MM-DD 形式の日付です（日本時間）。", "date must be a YYYY-MM-DD date (Japan time).");
        }

        var report = await reconciliation.ReportAsync(day, cancellationToken);
        if (!string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Ok(report);
        }

        return Results.File(ToCsv(report), "text/csv; charset=utf-8", $"payments-reconciliation-{day:yyyy-MM-dd}.csv");
    }

    /// <summary>One line per department and prefix, then one line per mismatch (UTF-8 with BOM, formula-like text escaped).</summary>
    internal static byte[] ToCsv(ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var date = report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\r\n" }))
        {
            csv.WriteRecord(["date", "kind", "department", "reference_prefix", "payments", "captured_yen", "refunded_yen", "outstanding_yen", "payment_number", "gateway_captured_yen", "gateway_refunded_yen"]);
            foreach (var row in report.Rows)
            {
                csv.WriteRecord([date, "total", row.Department, row.ReferencePrefix, N(row.Payments), N(row.CapturedYen), N(row.RefundedYen), N(row.OutstandingYen), "", "", ""]);
            }

            foreach (var m in report.Mismatches)
            {
                csv.WriteRecord([date, "mismatch", "", "", "1", N(m.OursCapturedYen), N(m.OursRefundedYen), "", m.PaymentNumber, N(m.GatewayCapturedYen), N(m.GatewayRefundedYen)]);
            }

            csv.Flush();
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static async Task<IResult> Webhook(HttpRequest request, WebhookReceiver receiver, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var outcome = await receiver.ReceiveAsync(request.Headers[WebhookSignature.HeaderName].ToString(), buffer.ToArray(), cancellationToken);
        return outcome switch
        {
            WebhookOutcome.BadSignature => Problem(StatusCodes.Status401Unauthorized, "webhook-signature", "署名が正しくないか、古すぎます。", "The signature is wrong or too old."),
            WebhookOutcome.BadRequest => Problem(StatusCodes.Status400BadRequest, "webhook-invalid", "通知の内容が読めません。", "The event cannot be read."),
            WebhookOutcome.UnknownPayment => NotFound(),
            _ => TypedResults.Ok(new { outcome = outcome.ToString().ToLowerInvariant() }),
        };
    }

    private static ProblemHttpResult NotFound() =>
        Problem(StatusCodes.Status404NotFound, "not-found", "支払いが見つかりません。ID を確かめてください。", "Payment not found: check the id.");

    private static ProblemHttpResult Problem(int status, string code, string ja, string en, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: status, type: "https://madoguchi.example/problems/" + code, title: $"{ja} / {en}", detail: $"{ja} {en}", extensions: extensions);
}

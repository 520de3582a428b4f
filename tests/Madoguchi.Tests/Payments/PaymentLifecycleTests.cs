using System.Text;
using Madoguchi.Payments.Gateways.Card;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Webhooks;
using Microsoft.Extensions.Options;

namespace Madoguchi.Tests.Payments;

/// <summary>The transition table, and the signature schemes against known vectors (computed independently with Python's hmac).</summary>
public sealed class PaymentLifecycleTests
{
    public static TheoryData<PaymentStatus, PaymentStatus, bool> Steps => new()
    {
        { PaymentStatus.Created, PaymentStatus.Started, true },
        { PaymentStatus.Created, PaymentStatus.Captured, false },
        { PaymentStatus.Started, PaymentStatus.Authorised, true },
        { PaymentStatus.Started, PaymentStatus.Captured, true },
        { PaymentStatus.Authorised, PaymentStatus.Captured, true },
        { PaymentStatus.Authorised, PaymentStatus.Started, false },
        { PaymentStatus.Captured, PaymentStatus.PartiallyRefunded, true },
        { PaymentStatus.Captured, PaymentStatus.Refunded, true },
        { PaymentStatus.Captured, PaymentStatus.Cancelled, false },
        { PaymentStatus.Captured, PaymentStatus.Failed, false },
        { PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded, true },
        { PaymentStatus.Refunded, PaymentStatus.PartiallyRefunded, false },
        { PaymentStatus.Failed, PaymentStatus.Captured, false },
        { PaymentStatus.Cancelled, PaymentStatus.Started, false },
        { PaymentStatus.Expired, PaymentStatus.Captured, false },
        { PaymentStatus.Created, PaymentStatus.Expired, true },
        { PaymentStatus.Started, PaymentStatus.Failed, true },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void TransitionTable_AllowsOnlyTheLifecycle(PaymentStatus from, PaymentStatus to, bool allowed) =>
        Assert.Equal(allowed, PaymentLifecycle.CanMove(from, to));

    [Fact]
    public void Reachability_LetsALateCaptureOvertakeStarted_ButNothingLeavesAFinalState()
    {
        Assert.True(PaymentLifecycle.IsReachable(PaymentStatus.Created, PaymentStatus.Captured));
        Assert.True(PaymentLifecycle.IsReachable(PaymentStatus.Created, PaymentStatus.Refunded));
        Assert.False(PaymentLifecycle.IsReachable(PaymentStatus.Captured, PaymentStatus.Started));
        Assert.All(Enum.GetValues<PaymentStatus>().Where(PaymentLifecycle.IsFinal), s => Assert.Empty(PaymentLifecycle.Next(s)));
        Assert.All(Enum.GetValues<PaymentStatus>(), s =>
        {
            Assert.True(PaymentLifecycle.TryParse(PaymentLifecycle.Text(s), out var back));
            Assert.Equal(s, back);
        });
    }

    [Fact]
    public void WebhookSignature_MatchesAKnownVector_AndRefusesTamperingAndOldTimestamps()
    {
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");
        var header = WebhookSignature.Sign("whsec_test", 1764000000, body);
        Assert.Equal("t=1764000000,v1=c862972147a4361237a5bcb4f74195e2e5d448641115622fe658a65985c5ae8c", header);
        var sent = DateTimeOffset.FromUnixTimeSeconds(1764000000);
        Assert.True(WebhookSignature.Verify("whsec_test", header, body, sent.AddMinutes(4)));
        Assert.False(WebhookSignature.Verify("whsec_test", header, body, sent.AddMinutes(6)));
        Assert.False(WebhookSignature.Verify("whsec_other", header, body, sent));
        Assert.False(WebhookSignature.Verify("whsec_test", header, Encoding.UTF8.GetBytes("{\"a\":2}"), sent));
        Assert.False(WebhookSignature.Verify("whsec_test", header.Replace("t=1764000000", "t=1764000100", StringComparison.Ordinal), body, sent));
        Assert.False(WebhookSignature.Verify("whsec_test", null, body, sent));
    }

    [Fact]
    public void CardSignatureVerifier_AcceptsTheProvidersKnownVector_Only()
    {
        var clock = new FixedClock { Now = DateTimeOffset.FromUnixTimeSeconds(1764000030) };
        var options = Options.Create(new CardGatewayOptions { MerchantId = "M-000123", WebhookSecret = "whsec_card_test_vector" });
        var verifier = new CardSignatureVerifier(options, clock);
        var body = Encoding.UTF8.GetBytes("{\"id\":\"pay_1\",\"status\":\"captured\",\"amount\":300}");
        const string Known = "4f0786cd1956d886df888c9147fe2ad9bc9de1b0896ea9896098d227491af252";
        Assert.Equal(Known, CardSignatureVerifier.Compute("whsec_card_test_vector", "M-000123", 1764000000, body));
        Assert.True(verifier.Verify(Known, "1764000000", body));
        Assert.True(verifier.Verify(Known.ToUpperInvariant(), "1764000000", body));
        Assert.False(verifier.Verify(Known, "1764000001", body));
        Assert.False(verifier.Verify(Known, "1764000000", Encoding.UTF8.GetBytes("{\"id\":\"pay_1\",\"status\":\"captured\",\"amount\":3000}")));
        clock.Now = clock.Now.AddMinutes(10);
        Assert.False(verifier.Verify(Known, "1764000000", body));
    }

    [Fact]
    public void CardStatus_MapsProviderWordsToOurLifecycle()
    {
        Assert.Equal(PaymentStatus.Captured, CardStatusClient.Map(new("captured", 300, null)).Status);
        Assert.Equal(300, CardStatusClient.Map(new("paid", 300, null)).CapturedYen);
        Assert.Equal(PaymentStatus.Failed, CardStatusClient.Map(new("declined", 300, "card_declined")).Status);
        Assert.Equal(0, CardStatusClient.Map(new("authorized", 300, null)).CapturedYen);
    }
}

/// <summary>A clock a test sets by hand.</summary>
internal sealed class FixedClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}

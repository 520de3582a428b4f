using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Madoguchi.Forms.Engine;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Madoguchi.Tests.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Tests.Security;

/// <summary>
/// A journey with secrets in it (staff sign-in with password and TOTP, a wrong password, a submission with a
/// My Number, API calls with a key) at the most verbose log level: no captured log line holds any of them.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string MyNumberForm = """
    { "steps": [ { "id": "applicant", "title": { "ja": "申請者" }, "fields": [
        { "id": "applicantName", "type": "text", "label": { "ja": "氏名" }, "required": true },
        { "id": "myNumber", "type": "myNumber", "label": { "ja": "個人番号" }, "required": true } ] } ] }
    """;

    [Fact]
    public async Task NoPasswordMyNumberApiKeyTotpSecretOrSessionCookie_IsEverLogged()
    {
        var lines = new ConcurrentQueue<string>();
        await using var started = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" });
        await using var app = started.WithWebHostBuilder(b => b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingProvider(lines))));
        await TestForms.PublishAsync(started, MyNumberForm);

        // Staff: password, then TOTP enrolment, sign out, password + code again.
        var container = new CookieContainer();
        using var staff = app.CreateDefaultClient(new Uri("http://" + SecurityApp.MusashinoHost), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(container));
        const string wrongPassword = "Wrong-Secret-Password-7731";
        await StaffSession.SignInAsync(staff, StaffSession.Shimin, wrongPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(staff, StaffSession.Shimin)).StatusCode);
        var sessionCookies = container.GetCookies(new Uri("http://" + SecurityApp.MusashinoHost)).Select(c => c.Value).Where(v => v.Length >= 16).ToList();
        var (totpKey, recoveryCodes) = await StaffSession.EnrolTotpAsync(staff);
        await StaffSession.SignOutAsync(staff);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(staff, StaffSession.Shimin)).StatusCode);
        var code = StaffSession.Code(totpKey);
        await StaffSession.EnterCodeAsync(staff, code);
        sessionCookies.AddRange(container.GetCookies(new Uri("http://" + SecurityApp.MusashinoHost)).Select(c => c.Value).Where(v => v.Length >= 16));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/staff/directory", UriKind.Relative), SecurityApp.Ct)).StatusCode);

        // Citizen: a submission with a My Number.
        const string prefix = "73920514863";
        var myNumber = prefix + MyNumber.CheckDigit(prefix);
        using var citizen = app.CreateDefaultClient(new Uri("http://" + SecurityApp.MusashinoHost));
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($$"""{ "answers": { "applicantName": "武蔵野 花子", "myNumber": "{{myNumber}}" } }""", Encoding.UTF8, "application/json"),
        };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await citizen.SendAsync(submit, SecurityApp.Ct)).StatusCode);

        // Integration: the API key, valid and mistyped.
        using var api = app.CreateDefaultClient(new Uri("http://" + SecurityApp.MusashinoHost));
        api.DefaultRequestHeaders.Authorization = new("Bearer", MadoguchiApp.DemoApiKey);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/staff", UriKind.Relative), SecurityApp.Ct)).StatusCode);
        api.DefaultRequestHeaders.Authorization = new("Bearer", MadoguchiApp.DemoApiKey + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/staff", UriKind.Relative), SecurityApp.Ct)).StatusCode);

        Assert.True(lines.Count > 50, $"only {lines.Count} log lines were captured");
        var secrets = new Dictionary<string, string>
        {
            ["demo password"] = DemoSeeder.DemoPassword,
            ["wrong password"] = wrongPassword,
            ["My Number"] = myNumber,
            ["My Number (hyphenated)"] = $"{myNumber[..4]}-{myNumber[4..8]}-{myNumber[8..]}",
            ["API key"] = MadoguchiApp.DemoApiKey,
            ["API key secret part"] = MadoguchiApp.DemoApiKey[^24..],
            ["TOTP secret"] = totpKey,
            ["TOTP code"] = code,
            ["recovery code"] = recoveryCodes[0],
        };
        for (var i = 0; i < sessionCookies.Count; i++)
        {
            secrets[$"cookie {i}"] = sessionCookies[i];
        }

        foreach (var line in lines)
        {
            foreach (var (name, secret) in secrets)
            {
                Assert.False(Contains(line, secret), $"the {name} is in a log line: {line}");
            }
        }
    }

    /// <summary>
    /// Whether a log line holds the secret. A short secret (the 6-digit TOTP code) must stand on its own: by
    /// chance alone, six given digits turn up inside the hex of ids and hashes or inside timings in thousands
    /// of trace lines (this made the test fail now and then), but a logged code stands apart ("code=123456").
    /// </summary>
    private static bool Contains(string line, string secret)
    {
        if (secret.Length >= 12)
        {
            return line.Contains(secret, StringComparison.OrdinalIgnoreCase);
        }

        for (var at = line.IndexOf(secret, StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf(secret, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + secret.Length;
            if ((at == 0 || !char.IsAsciiLetterOrDigit(line[at - 1])) && (end == line.Length || !char.IsAsciiLetterOrDigit(line[end])))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Capturing(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {exception}");
        }
    }
}

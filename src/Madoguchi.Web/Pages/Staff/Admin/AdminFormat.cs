using System.Globalization;

namespace Madoguchi.Web.Pages.Staff.Admin;

/// <summary>Display helpers of the admin pages: times are stored in UTC and shown in Asia/Tokyo.</summary>
public static class AdminFormat
{
    private static readonly TimeZoneInfo Tokyo = FindTokyo();

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Tokyo).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Time(DateTime? utc) => utc is null ? "—" : Time(utc.Value);

    /// <summary>Resource key of a scope's description, e.g. <c>Scope_organization_read</c>.</summary>
    public static string ScopeKey(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return "Scope_" + scope.Replace(':', '_');
    }

    public static string ScopeId(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return "scope-" + scope.Replace(':', '-');
    }

    private static TimeZoneInfo FindTokyo()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");
        }
    }
}

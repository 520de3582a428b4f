namespace Madoguchi.Platform.Identity;

/// <summary>Staff roles. Department membership further limits what a member sees.</summary>
public static class StaffRoles
{
    /// <summary>担当: processes the cases of their departments.</summary>
    public const string Staff = "Staff";

    /// <summary>決裁者 (係長・課長・部長): approves on an approval route.</summary>
    public const string Approver = "Approver";

    /// <summary>所属管理者: manages the members and settings of their departments.</summary>
    public const string DepartmentAdmin = "DepartmentAdmin";

    /// <summary>情報政策課: runs the platform, publishes open data, evaluates plan progress.</summary>
    public const string ItPolicy = "ItPolicy";

    /// <summary>システム管理者: organisation-wide administration (API keys, staff, outbox).</summary>
    public const string SystemAdmin = "SystemAdmin";

    public static readonly IReadOnlyList<string> All = [Staff, Approver, DepartmentAdmin, ItPolicy, SystemAdmin];
}

using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Bookings.Pages.Bookings;

/// <summary>利用者登録: a group asks to be registered; staff approve it.</summary>
public sealed class GroupRegisterModel(LotteryService lotteries) : PageModel
{
    public string GroupName { get; private set; } = "";
    public string Representative { get; private set; } = "";
    public string Email { get; private set; } = "";
    public int Members { get; private set; } = 10;
    public bool Resident { get; private set; } = true;
    public string? Registered { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnPostAsync(string? groupName, string? representative, string? email, int? members, bool? resident, CancellationToken cancellationToken)
    {
        GroupName = groupName?.Trim() ?? "";
        Representative = representative ?? "";
        Email = email ?? "";
        Members = members ?? 0;
        Resident = resident ?? true;
        var errors = BookingService.ValidatePerson(new Person(Representative, Email));
        if (GroupName.Length is 0 or > 200)
        {
            errors.Insert(0, new FieldError("group-name", "団体名を200文字以内で入力してください。", "Enter the group's name (at most 200 characters)."));
        }

        if (Members is < 1 or > 1000)
        {
            errors.Add(new FieldError("members", "人数を1〜1000で入力してください。", "Enter the number of members, 1 to 1000."));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            return;
        }

        var group = await lotteries.RegisterGroupAsync(GroupName, Representative, Email, Members, Resident, cancellationToken);
        Registered = group.Number;
    }
}

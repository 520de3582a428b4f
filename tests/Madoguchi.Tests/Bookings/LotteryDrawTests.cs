using Madoguchi.Bookings.Contracts;

namespace Madoguchi.Tests.Bookings;

/// <summary>The published draw algorithm: reproducible from seed and inputs, within limits, and fair.</summary>
public sealed class LotteryDrawTests
{
    private static DrawInputs Inputs(int groups, int maxWins = 2)
    {
        var slots = Enumerable.Range(0, 6).Select(i => new DrawSlot($"hall@2027-01-{10 + i:D2}T09:00:00+09:00", 1)).ToList();
        var applications = Enumerable.Range(1, groups).SelectMany(g => Enumerable.Range(1, 3)
            .Select(p => new DrawApplication($"G-{g:D4}", p, slots[(g + p) % slots.Count].Slot))).ToList();
        return new DrawInputs("test", maxWins, slots, applications);
    }

    [Fact]
    public void SameSeedAndInputs_GiveTheSameResult_WhateverTheOrderTheyArriveIn()
    {
        var inputs = Inputs(10);
        var shuffled = inputs with { Applications = [.. inputs.Applications.Reverse()], Slots = [.. inputs.Slots.Reverse()] };
        var seed = new string('a', 64);
        var first = LotteryDraw.Run(seed, inputs);
        var again = LotteryDraw.Run(seed, shuffled);
        Assert.Equal(first.InputsSha256, again.InputsSha256);
        Assert.Equal(first.Order, again.Order);
        Assert.Equal(first.Winners, again.Winners);
        Assert.NotEqual(first.Order, LotteryDraw.Run(new string('b', 64), inputs).Order);
    }

    [Fact]
    public void NoGroupWinsMoreThanTheLimit_NoSlotMoreThanItsCapacity_AndEveryWinnerAppliedForItsSlot()
    {
        for (var s = 0; s < 50; s++)
        {
            var inputs = Inputs(12, maxWins: 1);
            var result = LotteryDraw.Run(Convert.ToHexStringLower(BitConverter.GetBytes(s)), inputs);
            Assert.All(result.Winners.GroupBy(w => w.Group), g => Assert.True(g.Count() <= 1));
            Assert.All(result.Winners.GroupBy(w => w.Slot), g => Assert.True(g.Count() <= 1));
            Assert.All(result.Winners, w => Assert.Contains(inputs.Applications, a => a.Group == w.Group && a.Slot == w.Slot && a.Preference == w.Preference));
            Assert.Equal(6, result.Winners.Count); // 12 groups want 6 slots: every slot is given
        }
    }

    [Fact]
    public void EveryGroup_IsFirstInTheOrderAboutEquallyOften()
    {
        var inputs = Inputs(4);
        var firsts = new Dictionary<string, int>();
        const int draws = 4000;
        for (var s = 0; s < draws; s++)
        {
            var first = LotteryDraw.Run($"{s:x64}", inputs).Order[0];
            firsts[first] = firsts.GetValueOrDefault(first) + 1;
        }

        // Expected 1000 each; a fair draw stays within ±15% (chi-square far from any doubt at this size).
        Assert.Equal(4, firsts.Count);
        Assert.All(firsts.Values, n => Assert.InRange(n, 850, 1150));
    }

    [Fact]
    public void Commitment_IsTheSha256OfTheSeedText()
    {
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", LotteryDraw.Commitment("hello"));
    }
}

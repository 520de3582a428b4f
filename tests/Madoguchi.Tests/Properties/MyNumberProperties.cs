using CsCheck;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Tests.Properties;

/// <summary>個人番号 check digit: exactly one valid check digit per 11-digit prefix; any single-digit change is caught.</summary>
public sealed class MyNumberProperties
{
    private static readonly Gen<string> Prefix = Gen.Char['0', '9'].Array[11].Select(c => new string(c));

    [Fact]
    public void EveryPrefix_HasExactlyOneValidCheckDigit()
    {
        Prefix.Sample(prefix =>
        {
            var valid = Enumerable.Range(0, 10).Where(d => MyNumber.IsValid(prefix + (char)('0' + d))).ToList();
            Assert.Equal([MyNumber.CheckDigit(prefix)], valid);
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(), threads: Fuzz.Threads);
    }

    [Fact]
    public void AnySingleDigitChange_IsDetected()
    {
        Gen.Select(Prefix, Gen.Int[0, 11], Gen.Int[1, 9]).Sample((prefix, position, delta) =>
        {
            var number = prefix + (char)('0' + MyNumber.CheckDigit(prefix));
            var chars = number.ToCharArray();
            chars[position] = (char)('0' + ((chars[position] - '0' + delta) % 10));
            var changed = new string(chars);

            // The official algorithm maps remainders 0 and 1 both to check digit 0, so a change that moves the
            // weighted sum between those two remainders cannot be seen (施行令第8条; not a defect of the code).
            // Every other single-digit change is caught.
            if (position < 11 && Remainder(prefix) <= 1 && Remainder(changed[..11]) <= 1)
            {
                Assert.True(MyNumber.IsValid(changed));
                return;
            }

            Assert.False(MyNumber.IsValid(changed), $"{number} → {changed}");
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(), threads: Fuzz.Threads);
    }

    private static int Remainder(string first11)
    {
        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            sum += (first11[11 - n] - '0') * (n <= 6 ? n + 1 : n - 5);
        }

        return sum % 11;
    }

    [Fact]
    public void AnyText_IsValidOnlyWhenTwelveAsciiDigits()
    {
        Fuzz.Text.Sample(s =>
        {
            if (MyNumber.IsValid(s))
            {
                Assert.Matches("^[0-9]{12}$", s);
            }
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(), threads: Fuzz.Threads);
    }
}

using CsCheck;
using Madoguchi.Forms.Engine;

namespace Madoguchi.Tests.Properties;

/// <summary>郵便番号 as typed: normalising is idempotent and accepts exactly the inputs that hold seven digits.</summary>
public sealed class PostalCodeProperties
{
    private static readonly Gen<string> Digits7 = Gen.Char['0', '9'].Array[7].Select(c => new string(c));

    private static readonly Gen<string> Typed = Gen.Frequency(
        (2, Fuzz.Text),
        (2, Digits7.Select(d => d[..3] + "-" + d[3..])),
        (1, Digits7),
        (1, Digits7.Select(d => "〒" + AnswerText.ToAsciiDigits(d).Replace('0', '０') + " ")),
        (2, Gen.Char["0123456789０１２３４５６７８９-－ー〒 "].Array[0, 12].Select(c => new string(c))));

    [Fact]
    public void Normalising_IsIdempotent_AndGivesNnnDashNnnnOrNothing()
    {
        Typed.Sample(s =>
        {
            var once = AnswerText.NormalizePostalCode(s);
            if (once is null)
            {
                return;
            }

            Assert.Matches("^[0-9]{3}-[0-9]{4}$", once);
            Assert.Equal(once, AnswerText.NormalizePostalCode(once));
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(), threads: Fuzz.Threads);
    }

    [Fact]
    public void OnlySevenDigits_AreAccepted()
    {
        Typed.Sample(s =>
        {
            var ascii = AnswerText.ToAsciiDigits(s);
            var digits = ascii.Count(char.IsAsciiDigit);
            var result = AnswerText.NormalizePostalCode(s);
            if (result is not null)
            {
                Assert.Equal(7, digits);
                Assert.Equal(ascii.Where(char.IsAsciiDigit), result.Where(char.IsAsciiDigit));
            }
            else if (digits != 7)
            {
                return; // any other number of digits is refused, as it must be
            }
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(), threads: Fuzz.Threads);

        // Seven digits in each way people type them are accepted; six and eight are not.
        Digits7.Sample(d =>
        {
            foreach (var typed in new[] { d, d[..3] + "-" + d[3..], "〒" + d[..3] + "－" + d[3..], new string([.. d.Select(c => (char)('０' + (c - '0')))]) })
            {
                Assert.Equal(d[..3] + "-" + d[3..], AnswerText.NormalizePostalCode(typed));
            }

            Assert.Null(AnswerText.NormalizePostalCode(d[..6]));
            Assert.Null(AnswerText.NormalizePostalCode(d + "0"));
        }, seed: Fuzz.Seed, iter: Fuzz.Iterations(), threads: Fuzz.Threads);
    }
}

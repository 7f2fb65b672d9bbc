using StatesLanguage.Jsonata;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>What running one suite case through <see cref="PictureCallReader"/> gave.</summary>
internal sealed record PictureSuiteOutcome(PictureSuiteCase Case, bool Readable, bool Passed, string Detail)
{
    public static PictureSuiteOutcome Run(PictureSuiteCase suiteCase)
    {
        var evaluate = PictureCallReader.TryRead(suiteCase.Expression, suiteCase.Data);
        if (evaluate is null)
            return new(suiteCase, false, false, "not a direct call with literal arguments");
        object? actual;
        try
        {
            actual = evaluate();
        }
        catch (JsonataException error)
        {
            return suiteCase.ExpectedCode == error.Code
                ? new(suiteCase, true, true, error.Code)
                : new(suiteCase, true, false, $"threw {error.Code} ({error.Message}); expected {Expected(suiteCase)}");
        }
        catch (Exception error) when (error is InvalidCastException or ArgumentException or InvalidOperationException)
        {
            return new(suiteCase, true, false, $"threw {error.GetType().Name} ({error.Message}); expected {Expected(suiteCase)}");
        }
        var passed = actual == PictureCallReader.Undefined
            ? suiteCase.ExpectsUndefined
            : suiteCase.ExpectedCode is null && !suiteCase.ExpectsUndefined
              && JsonComparer.AreEqual(suiteCase.ExpectedResult, PictureCallReader.ToJson(actual));
        var shown = actual == PictureCallReader.Undefined ? "undefined" : PictureCallReader.ToJson(actual)?.ToJsonString() ?? "null";
        return new(suiteCase, true, passed, $"gave {shown}; expected {Expected(suiteCase)}");
    }

    private static string Expected(PictureSuiteCase suiteCase) =>
        suiteCase.ExpectedCode ?? (suiteCase.ExpectsUndefined ? "undefined" : suiteCase.ExpectedResult?.ToJsonString() ?? "null");
}

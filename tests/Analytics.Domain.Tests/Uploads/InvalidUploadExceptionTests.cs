using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>The rejection's message is the alert a person reads: file, stores and first problems, bounded.</summary>
public sealed class InvalidUploadExceptionTests
{
    private static UploadProblem Problem(int i, string? store, string message = "quantity must be positive") =>
        new("non_positive_quantity", message, $"$[{i}].transactions[0].items[0].quantity", StoreId: store);

    [Fact]
    public void Message_OneStore_NamesKeyStoreCountAndFirstProblem()
    {
        var rejection = new InvalidUploadException("uploads/day.json", [Problem(0, "store-0001")], 1);

        Assert.Equal("Upload uploads/day.json (store store-0001) is invalid: 1 problem(s). First: $[0].transactions[0].items[0].quantity: quantity must be positive",
                     rejection.Message);
        Assert.Equal(["store-0001"], rejection.StoreIds);
    }

    [Fact]
    public void Message_ManyStoresAndProblems_ListsTheFirstFewAndCountsTheRest()
    {
        UploadProblem[] problems = [.. Enumerable.Range(0, 8).Select(i => Problem(i, $"store-{i:D4}"))];

        var message = new InvalidUploadException("uploads/day.json", problems, 250).Message;

        Assert.Contains("(stores store-0000, store-0001, store-0002, store-0003, store-0004 and 3 more)", message, StringComparison.Ordinal);
        Assert.Contains("First: $[0]", message, StringComparison.Ordinal);
        Assert.Contains("; $[2]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("$[3]", message, StringComparison.Ordinal);
        Assert.EndsWith("; and 247 more (see the error report).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_HugeProblemTexts_StaysBounded()
    {
        UploadProblem[] problems = [.. Enumerable.Range(0, 3).Select(i => Problem(i, null, new string('x', 10_000)))];

        var message = new InvalidUploadException("uploads/day.json", problems, 3).Message;

        Assert.Contains("(store unknown)", message, StringComparison.Ordinal);
        Assert.True(message.Length < 100 + (InvalidUploadException.MessageProblems * (InvalidUploadException.MessageProblemLength + 2)), message);
        Assert.Equal(3, message.Split('…').Length - 1);
    }
}

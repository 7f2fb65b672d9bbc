using System.Text.Json;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The token-driven state machine that validates and aggregates one upload file. It is fed the tokens of each
/// buffer in turn (<see cref="Process"/>), keeps a fixed stack of <see cref="ParseFrame"/>s (root, file array,
/// store-day, transactions, transaction, items, item) and skips the values of unknown or wrongly typed fields by
/// depth counting. One instance reads one file; it is not thread-safe.
/// </summary>
internal sealed partial class UploadParser
{
    private const int MaxDepth = 7;

    private readonly ParseFrame[] _frames = new ParseFrame[MaxDepth];
    private readonly UploadProblemCollector _problems;
    private readonly LocationTracker _tracker;
    private readonly StoreDayAccumulator _accumulator = new();
    private readonly List<StoreDayContribution> _completed = [];
    private readonly string _sourceKey;
    private readonly string? _owningStoreId;
    private readonly DateTimeOffset _latestTimestamp;
    private readonly DateOnly _latestBusinessDate;
    private byte[] _buffer = [];
    private byte[] _scratch = new byte[512];
    private readonly char[] _chars = new char[UploadLimits.NameMaxLength];
    private int _depth;
    private int _skipDepth;
    private bool _sawToken;
    private bool _rootDone;

    /// <param name="owningStoreId">The only store the file may hold store-days of (its key's store folder), or null
    /// when it may hold any store's.</param>
    /// <param name="scan">Whether transactions and returns in the usual shape are read by the scanner (UploadParser.Scanner.cs);
    /// false only to test that the state machine alone reads the same.</param>
    public UploadParser(string sourceKey, string? owningStoreId, DateTimeOffset now, UploadOptions options, LocationTracker tracker, bool scan = true)
    {
        _scan = scan;
        _sourceKey = sourceKey;
        _owningStoreId = owningStoreId;
        _tracker = tracker;
        _problems = new UploadProblemCollector(options.MaxProblems);
        _latestTimestamp = now + options.FutureTolerance;
        _latestBusinessDate = DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));
        _frames[0] = new ParseFrame(FrameKind.Root);
        (_skus, _categories, _payments) = (_accumulator.Skus, _accumulator.Categories, _accumulator.PaymentMethods);
    }

    public UploadProblemCollector Problems => _problems;

    /// <summary>
    /// How many of <see cref="Completed"/> may be emitted: a store-day is confirmed once the token after it has been
    /// read (or the input ended well-formed), so trailing garbage right after it withholds it however the input is cut.
    /// </summary>
    public int Confirmed { get; private set; }

    /// <summary>Contributions of store-days completed and not yet emitted, in file order.</summary>
    public List<StoreDayContribution> Completed => _completed;

    /// <summary>Removes the first <paramref name="count"/> completed contributions (after they were emitted).</summary>
    public void RemoveEmitted(int count)
    {
        _completed.RemoveRange(0, count);
        Confirmed -= count;
    }

    public int StoreDays { get; private set; }
    public int Transactions { get; private set; }
    public long Units { get; private set; }
    public decimal NetRevenue { get; private set; }

    /// <summary>The options of every reader of an upload.</summary>
    public static JsonReaderOptions ReaderOptions => new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>
    /// Reads every complete token of <paramref name="reader"/>, whose input is the first <paramref name="filled"/>
    /// bytes of <paramref name="buffer"/>. Returns how many bytes were consumed; the reader then holds the state to go
    /// on from there (it may be another reader than the one given, see UploadParser.Scanner.cs).
    /// </summary>
    /// <exception cref="JsonException">The bytes are not well-formed JSON.</exception>
    public int Process(ref Utf8JsonReader reader, byte[] buffer, int filled)
    {
        (_buffer, _filled, _readerBase) = (buffer, filled, 0);
        while (reader.Read())
        {
            _sawToken = true;
            Confirmed = _completed.Count;
            if (_skipDepth > 0)
            {
                Skip(reader.TokenType);
                continue;
            }

            Dispatch(ref reader);
        }

        return _readerBase + (int)reader.BytesConsumed;
    }

    /// <summary>Hands the current token to the part of the state machine it belongs to.</summary>
    private void Dispatch(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                OnPropertyName(ref reader);
                break;
            case JsonTokenType.EndObject:
                OnEndObject(ref reader);
                break;
            case JsonTokenType.EndArray:
                OnEndArray(ref reader);
                break;
            case JsonTokenType.String or JsonTokenType.Number when _frames[_depth].Kind == FrameKind.Item:
                // An item's scalar field goes straight to its reader.
                OnFieldValue(ref reader, ref _frames[_depth]);
                break;
            case JsonTokenType.StartObject when _scan && _frames[_depth].Kind is FrameKind.Transactions or FrameKind.Returns:
                // The bulk of the file: transactions and returns, read straight from the bytes when they can be
                // (UploadParser.Scanner.cs).
                ScanReceipts(ref reader, _frames[_depth].Kind == FrameKind.Returns);
                break;
            default:
                OnValue(ref reader);
                break;
        }
    }

    /// <summary>Records the end of input: an empty file, or a well-formed one whose root value is complete.</summary>
    public void Finish()
    {
        Confirmed = _completed.Count;
        if (!_sawToken)
        {
            _problems.Add(new UploadProblem(UploadProblemCodes.EmptyFile, "The file is empty: expected a store-day object or an array of them.", "$", 1, 1));
        }
    }

    /// <summary>Records malformed JSON; nothing after it is read.</summary>
    public void Malformed(JsonException exception)
    {
        _completed.RemoveRange(Confirmed, _completed.Count - Confirmed);
        // The reader counts lines and bytes from its origin (see _readerOrigin).
        var readerLine = exception.LineNumber ?? 0;
        var readerColumn = exception.BytePositionInLine ?? 0;
        var line = _readerOrigin.Line + readerLine;
        var column = readerLine == 0 ? _readerOrigin.Column + readerColumn - _readerOrigin.Prefix : readerColumn + 1;
        var code = _sawToken ? UploadProblemCodes.MalformedJson : UploadProblemCodes.EmptyFile;
        var message = _sawToken
            ? $"The file is not well-formed JSON at line {line}, column {column}: {FirstSentence(exception.Message)}"
            : "The file has no JSON value: expected a store-day object or an array of them.";
        _problems.Add(new UploadProblem(code, message, BuildPath(null), line, column, _storeId, _businessDateText, CurrentTransactionId()));
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private void Skip(JsonTokenType token)
    {
        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _skipDepth++;
        }
        else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
        {
            _skipDepth--;
        }
    }

    private void SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _skipDepth = 1;
        }
    }

    private void Push(FrameKind kind) => _frames[++_depth] = new ParseFrame(kind);
}

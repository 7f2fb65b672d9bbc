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
    private readonly DateTimeOffset _latestTimestamp;
    private readonly DateOnly _latestBusinessDate;
    private byte[] _buffer = [];
    private byte[] _scratch = new byte[512];
    private readonly char[] _chars = new char[UploadLimits.NameMaxLength];
    private int _depth;
    private int _skipDepth;
    private bool _sawToken;
    private bool _rootDone;

    public UploadParser(string sourceKey, DateTimeOffset now, UploadOptions options, LocationTracker tracker)
    {
        _sourceKey = sourceKey;
        _tracker = tracker;
        _problems = new UploadProblemCollector(options.MaxProblems);
        _latestTimestamp = now + options.FutureTolerance;
        _latestBusinessDate = DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));
        _frames[0] = new ParseFrame(FrameKind.Root);
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

    /// <summary>Reads every complete token of <paramref name="reader"/>, whose input is <paramref name="buffer"/> from index 0.</summary>
    /// <exception cref="JsonException">The bytes are not well-formed JSON.</exception>
    public void Process(ref Utf8JsonReader reader, byte[] buffer)
    {
        _buffer = buffer;
        while (reader.Read())
        {
            _sawToken = true;
            Confirmed = _completed.Count;
            if (_skipDepth > 0)
            {
                Skip(reader.TokenType);
                continue;
            }

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
                default:
                    OnValue(ref reader);
                    break;
            }
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
        var line = (exception.LineNumber ?? 0) + 1;
        var column = (exception.BytePositionInLine ?? 0) + 1;
        var code = _sawToken ? UploadProblemCodes.MalformedJson : UploadProblemCodes.EmptyFile;
        var message = _sawToken
            ? $"The file is not well-formed JSON at line {line}, column {column}: {FirstSentence(exception.Message)}"
            : "The file has no JSON value: expected a store-day object or an array of them.";
        _problems.Add(new UploadProblem(code, message, BuildPath(null), line, column, _storeId, _businessDateText, _transactionId));
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

    private void OnPropertyName(ref Utf8JsonReader reader)
    {
        ref var frame = ref _frames[_depth];
        var name = reader.ValueIsEscaped ? Unescape(ref reader) : reader.ValueSpan;
        var field = UploadFieldNames.Identify(frame.Kind, name);
        frame.Pending = UploadField.None;
        if (field == UploadField.None)
        {
            var text = System.Text.Encoding.UTF8.GetString(name);
            Report(ref reader, UploadProblemCodes.UnknownField,
                   $"Unknown field '{Shorten(text)}' in {Describe(frame.Kind)}: format v1 has no such field (is it misspelled?).", PathSegment(text));
            return;
        }

        var bit = 1u << (int)field;
        if ((frame.Seen & bit) != 0)
        {
            Report(ref reader, UploadProblemCodes.DuplicateField,
                   $"Field '{UploadFieldNames.Name(field)}' appears twice in one {Describe(frame.Kind)}; only the first is read.", UploadFieldNames.Name(field));
            return;
        }

        frame.Seen |= bit;
        frame.Pending = field;
    }

    private void OnValue(ref Utf8JsonReader reader)
    {
        ref var frame = ref _frames[_depth];
        switch (frame.Kind)
        {
            case FrameKind.Root:
                OnRootValue(ref reader);
                break;
            case FrameKind.FileArray:
                frame.Count++;
                if (ExpectElementObject(ref reader, "store-day"))
                {
                    BeginStoreDay();
                }

                break;
            case FrameKind.Transactions:
                frame.Count++;
                if (ExpectElementObject(ref reader, "transaction"))
                {
                    BeginTransaction();
                }

                break;
            case FrameKind.Items:
                frame.Count++;
                if (ExpectElementObject(ref reader, "item"))
                {
                    BeginItem();
                }

                break;
            default:
                OnFieldValue(ref reader, ref frame);
                break;
        }
    }

    private void OnFieldValue(ref Utf8JsonReader reader, ref ParseFrame frame)
    {
        if (frame.Pending == UploadField.None)
        {
            SkipValue(ref reader);
            return;
        }

        switch (frame.Kind)
        {
            case FrameKind.StoreDay:
                OnStoreDayValue(ref reader, ref frame);
                break;
            case FrameKind.Transaction:
                OnTransactionValue(ref reader, frame.Pending);
                break;
            default:
                OnItemValue(ref reader, frame.Pending);
                break;
        }
    }

    private void OnRootValue(ref Utf8JsonReader reader)
    {
        if (_rootDone)
        {
            return;
        }

        _rootDone = true;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            Push(FrameKind.FileArray);
        }
        else if (reader.TokenType == JsonTokenType.StartObject)
        {
            BeginStoreDay();
        }
        else
        {
            Report(ref reader, UploadProblemCodes.InvalidRoot,
                   $"The file must hold a store-day object or an array of them, found {TokenKind(ref reader)}.", null);
        }
    }

    private bool ExpectElementObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        Report(ref reader, UploadProblemCodes.WrongType, $"Each element must be a {what} object, found {TokenKind(ref reader)}.", null);
        SkipValue(ref reader);
        return false;
    }

    private void OnEndObject(ref Utf8JsonReader reader)
    {
        switch (_frames[_depth].Kind)
        {
            case FrameKind.StoreDay:
                EndStoreDay(ref reader);
                break;
            case FrameKind.Transaction:
                EndTransaction(ref reader);
                break;
            case FrameKind.Item:
                EndItem(ref reader);
                break;
        }

        _depth--;
    }

    private void OnEndArray(ref Utf8JsonReader reader)
    {
        var frame = _frames[_depth];
        if (frame.Count == 0)
        {
            var (code, message) = frame.Kind switch
            {
                FrameKind.FileArray => (UploadProblemCodes.EmptyArray, "The file is an empty array: expected at least one store-day object."),
                FrameKind.Transactions => (UploadProblemCodes.EmptyTransactions, "'transactions' is empty: a store-day needs at least one transaction."),
                _ => (UploadProblemCodes.EmptyItems, "'items' is empty: a transaction needs at least one item."),
            };
            Report(ref reader, code, message, null);
        }

        _depth--;
    }

    private static string Describe(FrameKind kind) => kind switch
    {
        FrameKind.StoreDay => "store-day",
        FrameKind.Transaction => "transaction",
        _ => "item",
    };
}

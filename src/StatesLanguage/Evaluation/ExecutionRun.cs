using StatesLanguage.Evaluation.History;
using StatesLanguage.Jsonata;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Evaluation;

/// <summary>Everything one execution shares across its states, branches and iterations: identity, clock, invoker,
/// history and cancellation.</summary>
internal sealed class ExecutionRun : IDisposable
{
    private readonly CancellationTokenSource _stop;

    private volatile JsonObject? _executionContext;
    private long _skippedTicks;
    private JsonObject? _stateMachineContext;
    private JsonataDocument? _executionContextDocument;
    private JsonataDocument? _stateMachineContextDocument;
    private readonly Lock _contextLock = new();

    public ExecutionRun(ExecutionOptions options, JsonNode? input, CancellationToken cancellationToken)
    {
        Options = options;
        TimeProvider = options.TimeProvider;
        Input = input;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken = _stop.Token;
        ExecutionName = options.ExecutionName ?? NewExecutionName();
        StateMachineArn = $"arn:aws:states:{options.Region}:{options.AccountId}:stateMachine:{options.StateMachineName}";
        ExecutionArn = $"arn:aws:states:{options.Region}:{options.AccountId}:execution:{options.StateMachineName}:{ExecutionName}";
        StartTime = TimeProvider.GetUtcNow();
        Random = options.Random ?? Random.Shared;
    }

    /// <summary>A random (version 4) UUID from the process's fast generator: a default execution name must be unique,
    /// not secret, and <see cref="Guid.NewGuid"/> reads the system's secure source with a system call each time.</summary>
    private static string NewExecutionName()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4: the high nibble of the third group
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }

    public ExecutionOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public JsonNode? Input { get; }

    /// <summary>The caller's token, also cancelled when the execution times out (stopping what still runs).</summary>
    public CancellationToken CancellationToken { get; }

    public Task StopAsync() => _stop.CancelAsync();

    public void Dispose() => _stop.Dispose();

    public string ExecutionName { get; }

    public string StateMachineArn { get; }

    public string ExecutionArn { get; }

    public DateTimeOffset StartTime { get; }

    public Random Random { get; }

    public ExecutionHistory History { get; } = new();

    /// <summary>The execution's clock: the time provider's, moved on by every wait skipped under
    /// <see cref="ExecutionOptions.InstantWaits"/>.</summary>
    public DateTimeOffset Now => TimeProvider.GetUtcNow().AddTicks(Interlocked.Read(ref _skippedTicks));

    /// <summary>The configured invoker; without one a Task fails the execution (States.Runtime, never caught).</summary>
    public ITaskInvoker Invoker => Options.TaskInvoker
        ?? throw new Errors.StatesErrorException(Errors.StatesErrorNames.Runtime, "A Task state was reached but ExecutionOptions.TaskInvoker is not set.");

    /// <summary>Passed as the previous event id: the event follows whatever was recorded last.</summary>
    public const long AfterLastRecorded = -1;

    /// <summary>Records an event. Its previous event is <paramref name="previousEventId"/> when given, else the last
    /// event of <paramref name="scope"/> (each branch and iteration is its own chain, as in AWS histories), else the
    /// last event recorded. The scope's chain then continues from this event.</summary>
    public HistoryEvent Record(HistoryEvent newEvent, GraphScope? scope = null, long previousEventId = 0)
    {
        newEvent.Timestamp = Now;
        if (previousEventId == 0 && scope is not null)
            previousEventId = scope.LastEventId;
        var recorded = History.Add(newEvent, previousEventId);
        if (scope is not null)
            scope.LastEventId = recorded.Id;
        Options.OnEvent?.Invoke(recorded);
        return recorded;
    }

    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (Options.InstantWaits)
        {
            Interlocked.Add(ref _skippedTicks, Math.Max(0, delay.Ticks));
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        // Timers accept at most about 49 days; longer waits (up to a year) go in chunks.
        var chunk = TimeSpan.FromDays(30);
        while (delay > TimeSpan.Zero)
        {
            var step = delay < chunk ? delay : chunk;
            await Task.Delay(step, TimeProvider, cancellationToken);
            delay -= step;
        }
    }

    /// <summary>The <c>Execution</c> and <c>StateMachine</c> parts of the context object, shared by every state;
    /// callers copy what they read.</summary>
    public JsonObject ExecutionContextObject()
    {
        if (_executionContext is { } existing)
            return existing;
        lock (_contextLock)
        {
            var context = new JsonObject
            {
                ["Id"] = ExecutionArn,
                ["Input"] = JsonData.Clone(Input),
                ["Name"] = ExecutionName,
                ["RoleArn"] = Options.RoleArn,
                ["StartTime"] = FormatTime(StartTime),
                ["RedriveCount"] = 0,
            };
            JsonData.Materialize(context);
            return _executionContext ??= context;
        }
    }

    /// <summary><see cref="ExecutionContextObject"/> in the JSONata evaluator's form, made once (directly: the JSON
    /// object is made only if a JSONPath state reads it).</summary>
    public JsonataDocument ExecutionContextDocument()
    {
        if (Volatile.Read(ref _executionContextDocument) is { } made)
            return made;
        var context = new JObject(6)
        {
            ["Id"] = ExecutionArn,
            ["Input"] = JsonConversion.FromNode(Input),
            ["Name"] = ExecutionName,
            ["RoleArn"] = (object?)Options.RoleArn ?? JNull.Instance,
            ["StartTime"] = FormatTime(StartTime),
            ["RedriveCount"] = 0d,
        };
        var document = JsonataDocument.FromJsonForm(context);
        return Interlocked.CompareExchange(ref _executionContextDocument, document, null) ?? document;
    }

    public JsonObject StateMachineContextObject()
    {
        lock (_contextLock)
            return _stateMachineContext ??= new JsonObject { ["Id"] = StateMachineArn, ["Name"] = Options.StateMachineName };
    }

    /// <summary><see cref="StateMachineContextObject"/> in the JSONata evaluator's form, made once.</summary>
    public JsonataDocument StateMachineContextDocument()
    {
        if (Volatile.Read(ref _stateMachineContextDocument) is { } made)
            return made;
        var document = JsonataDocument.FromJsonForm(new JObject(2) { ["Id"] = StateMachineArn, ["Name"] = Options.StateMachineName });
        return Interlocked.CompareExchange(ref _stateMachineContextDocument, document, null) ?? document;
    }

    /// <summary>A context timestamp as AWS writes it: UTC, milliseconds, <c>2025-01-15T08:30:00.123Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) => string.Create(24, time.UtcDateTime, static (text, utc) =>
    {
        "0000-00-00T00:00:00.000Z".CopyTo(text);
        Digits(text.Slice(0, 4), utc.Year);
        Digits(text.Slice(5, 2), utc.Month);
        Digits(text.Slice(8, 2), utc.Day);
        Digits(text.Slice(11, 2), utc.Hour);
        Digits(text.Slice(14, 2), utc.Minute);
        Digits(text.Slice(17, 2), utc.Second);
        Digits(text.Slice(20, 3), utc.Millisecond);
    });

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}

using System.Collections.Concurrent;
using Analytics.Domain.Analysis;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// The analysis parts a step's input carries (<c>parts</c>, built in the state machine with <c>States.Array</c>), read
/// by their declarations: a step asks for the results it needs, not for positions in a record, so a new part changes
/// only the steps that read it. Each read records the part's <see cref="PartStatus"/> for the report.
/// </summary>
/// <param name="step">The reading step's state name, for its errors.</param>
public sealed class RunParts(AnalysisArtifacts artifacts, string step, IReadOnlyList<AnalysisPart> parts)
{
    private readonly ConcurrentDictionary<string, PartStatus> _statuses = new(StringComparer.Ordinal);
    private int _reading;

    /// <summary>The statuses of the parts read that fill a report section, in the order of the input.</summary>
    /// <exception cref="InvalidOperationException">A read has not finished: its status would be missing.</exception>
    public IReadOnlyList<PartStatus> Statuses => Volatile.Read(ref _reading) == 0
        ? [.. parts.Select(p => _statuses.GetValueOrDefault(p.Step)).OfType<PartStatus>()]
        : throw new InvalidOperationException($"{step} asked for the parts' statuses while {_reading} of its reads had not finished; await them first.");

    /// <summary>The steps whose parts were read and had no result.</summary>
    public IReadOnlyList<string> Missing => [.. Statuses.Where(s => s.Failed).Select(s => s.Step)];

    /// <summary>
    /// <paramref name="result"/>'s document, or null when its step failed without leaving one. A part marked failed
    /// still has its result when the step saved it before the failure (a model step saves its statistics before the
    /// model is asked; see <see cref="AnalysisPart.Key"/>). Whether it was saved is asked with a listing of its exact
    /// key (<see cref="AnalysisArtifacts.ReadIfPresentAsync"/>): without <c>s3:ListBucket</c> on the whole bucket, S3
    /// answers a read of a missing key with 403, not 404.
    /// </summary>
    /// <exception cref="InvalidStepInputException">The input has no part of that step, or a part that neither failed nor
    /// names its result.</exception>
    public async Task<T?> ReadAsync<T>(AnalysisResult<T> result, CancellationToken cancellationToken)
        where T : class
    {
        var part = Find(result.StateName);
        if (part.Key is null && !part.Failed)
        {
            throw new InvalidStepInputException(step, $"the result of {part.Step} has no key and is not marked failed.");
        }

        Interlocked.Increment(ref _reading);
        try
        {
            var value = part.Key is null ? null
                : part.Failed ? await artifacts.ReadIfPresentAsync(part.Key, result.TypeInfo, cancellationToken)
                : await artifacts.ReadAsync(part.Key, result.TypeInfo, cancellationToken);
            if (result.Section is not null)
            {
                _statuses[part.Step] = result.Status(part, value is not null);
            }

            return value;
        }
        finally
        {
            Interlocked.Decrement(ref _reading);
        }
    }

    /// <summary><see cref="ReadAsync"/> for a result the step cannot do without.</summary>
    /// <exception cref="InvalidStepInputException">Its step failed without leaving a result, or as <see cref="ReadAsync"/>.</exception>
    public async Task<T> ReadRequiredAsync<T>(AnalysisResult<T> result, CancellationToken cancellationToken)
        where T : class =>
        await ReadAsync(result, cancellationToken)
        ?? throw new InvalidStepInputException(step, $"{result.StateName} is marked failed; {step} cannot go on without it.");

    private AnalysisPart Find(string stateName)
    {
        var found = parts.Where(p => p.Step == stateName).ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidStepInputException(step, found.Count == 0
                ? $"its input carries no part of {stateName} (parts: {string.Join(", ", parts.Select(p => p.Step))})."
                : $"its input carries {found.Count} parts of {stateName}.");
    }
}

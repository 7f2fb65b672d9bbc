using StatesLanguage.Errors;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>A compiled <c>States.Name(args)</c> call. Failures of the function itself raise
/// <c>States.IntrinsicFailure</c>.</summary>
internal sealed class IntrinsicCall
{
    private readonly IntrinsicArgument[] _arguments;
    private readonly IntrinsicFunction _function;

    public IntrinsicCall(string text, string name, IntrinsicArgument[] arguments, IntrinsicFunction function)
    {
        Text = text;
        Name = name;
        _arguments = arguments;
        _function = function;
    }

    public string Text { get; }

    public string Name { get; }

    public JsonNode? Evaluate(in DataScope scope)
    {
        var values = new JsonNode?[_arguments.Length];
        var raw = new string?[_arguments.Length];
        for (var i = 0; i < _arguments.Length; i++)
        {
            values[i] = _arguments[i].Evaluate(scope);
            raw[i] = (_arguments[i] as IntrinsicArgument.Literal)?.RawText;
        }
        try
        {
            return _function(new IntrinsicInvocation(Name, values, raw));
        }
        catch (IntrinsicFailureException ex)
        {
            throw new StatesErrorException(StatesErrorNames.IntrinsicFailure, ex.Message, ex);
        }
    }

    /// <summary>The workflow variables the call's arguments read.</summary>
    public IEnumerable<string> ReadVariables() => _arguments.SelectMany(a => a.ReadVariables());

    public override string ToString() => Text;
}

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>JSON null inside the evaluator (C# null stands for JSONata's "undefined", no value).</summary>
internal sealed class JNull
{
    public static readonly JNull Instance = new();

    private JNull()
    {
    }

    public override string ToString() => "null";
}

namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>Every intrinsic function with its arity; looked up once, at parse time.</summary>
internal static class IntrinsicFunctionTable
{
    internal sealed record Entry(int MinArguments, int MaxArguments, IntrinsicFunction Function);

    private static readonly Dictionary<string, Entry> Functions = new(StringComparer.Ordinal)
    {
        ["States.Format"] = new(1, int.MaxValue, StringFunctions.Format),
        ["States.StringToJson"] = new(1, 1, StringFunctions.StringToJson),
        ["States.JsonToString"] = new(1, 1, StringFunctions.JsonToString),
        ["States.StringSplit"] = new(2, 2, StringFunctions.StringSplit),
        ["States.Array"] = new(0, int.MaxValue, ArrayFunctions.Array),
        ["States.ArrayPartition"] = new(2, 2, ArrayFunctions.ArrayPartition),
        ["States.ArrayContains"] = new(2, 2, ArrayFunctions.ArrayContains),
        ["States.ArrayRange"] = new(3, 3, ArrayFunctions.ArrayRange),
        ["States.ArrayGetItem"] = new(2, 2, ArrayFunctions.ArrayGetItem),
        ["States.ArrayLength"] = new(1, 1, ArrayFunctions.ArrayLength),
        ["States.ArrayUnique"] = new(1, 1, ArrayFunctions.ArrayUnique),
        ["States.JsonMerge"] = new(3, 3, ArrayFunctions.JsonMerge),
        ["States.Base64Encode"] = new(1, 1, EncodingFunctions.Base64Encode),
        ["States.Base64Decode"] = new(1, 1, EncodingFunctions.Base64Decode),
        ["States.Hash"] = new(2, 2, EncodingFunctions.Hash),
        ["States.UUID"] = new(0, 0, EncodingFunctions.Uuid),
        ["States.MathRandom"] = new(2, 3, MathFunctions.MathRandom),
        ["States.MathAdd"] = new(2, 2, MathFunctions.MathAdd),
    };

    public static bool TryGet(string name, [NotNullWhen(true)] out Entry? entry) => Functions.TryGetValue(name, out entry);
}

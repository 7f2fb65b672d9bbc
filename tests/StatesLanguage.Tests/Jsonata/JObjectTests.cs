using StatesLanguage.Jsonata;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>The evaluator's object: members in insertion order, searched in order while few, through a hash index
/// past sixteen; both ways give the same answers.</summary>
public sealed class JObjectTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void Members_KeepInsertionOrderAndAreFound(int count)
    {
        var obj = Numbered(count);

        Assert.Equal(count, obj.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(Key), obj.Keys);
        for (var i = 0; i < count; i++)
        {
            Assert.True(obj.TryGetValue(Key(i), out var value));
            Assert.Equal((double)i, value);
            Assert.Equal(Key(i), obj.GetAt(i).Key);
        }
        Assert.False(obj.ContainsKey("missing"));
        Assert.False(obj.ContainsKey(Key(0).ToUpperInvariant()));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public void SettingAnExistingKey_ReplacesItsValueInPlace(int count)
    {
        var obj = Numbered(count);

        obj[Key(2)] = "changed";

        Assert.Equal(count, obj.Count);
        Assert.Equal(Key(2), obj.GetAt(2).Key);
        Assert.Equal("changed", obj[Key(2)]);
        Assert.Throws<ArgumentException>(() => obj.Add(Key(1), 0d));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(17)]
    [InlineData(30)]
    public void Remove_ShiftsLaterMembersAndKeepsThemFound(int count)
    {
        var obj = Numbered(count);

        Assert.True(obj.Remove(Key(1)));
        Assert.False(obj.Remove(Key(1)));

        Assert.Equal(count - 1, obj.Count);
        Assert.Equal(Enumerable.Range(0, count).Where(i => i != 1).Select(Key), obj.Keys);
        for (var i = 2; i < count; i++)
            Assert.Equal((double)i, obj[Key(i)]);
        obj["again"] = true;
        Assert.Equal("again", obj.GetAt(count - 1).Key);
        Assert.Equal(true, obj["again"]);
    }

    [Fact]
    public void MissingKey_ThrowsFromTheIndexer() =>
        Assert.Throws<KeyNotFoundException>(() => Numbered(3)["missing"]);

    [Theory]
    [InlineData("$keys($merge([{'a':1,'b':2,'c':3,'d':4,'e':5,'f':6,'g':7,'h':8,'i':9}, {'c':30,'j':10}]))", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]")]
    [InlineData("$merge([{'a':1,'b':2,'c':3,'d':4,'e':5,'f':6,'g':7,'h':8,'i':9}, {'c':30,'j':10}]).c", "30")]
    [InlineData("({'a':1,'b':2,'c':3,'d':4,'e':5,'f':6,'g':7,'h':8,'i':9,'j':10} ~> |$|{}, ['b','i']|) ~> $keys()", "[\"a\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"j\"]")]
    [InlineData("({'a':1,'b':2,'c':3,'d':4,'e':5,'f':6,'g':7,'h':8,'i':9,'j':10} ~> |$|{}, ['b','i']|).j", "10")]
    public void LargeObjects_InExpressions(string expression, string json) =>
        Assert.Equal(json, JsonataExpression.Compile(expression).Evaluate(JsonataValue.Undefined).Node!.ToJsonString());

    private static JObject Numbered(int count)
    {
        var obj = new JObject();
        for (var i = 0; i < count; i++)
            obj.Add(Key(i), (double)i);
        return obj;
    }

    private static string Key(int i) => $"key{i}";
}

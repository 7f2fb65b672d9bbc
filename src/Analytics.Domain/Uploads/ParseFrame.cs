namespace Analytics.Domain.Uploads;

/// <summary>
/// One open object or array. For arrays <see cref="Count"/> is the number of elements started so far (the current
/// element is <c>Count - 1</c>); for objects <see cref="Seen"/> holds a bit per <see cref="UploadField"/> already
/// read and <see cref="Pending"/> the field whose value comes next (or is open).
/// </summary>
internal struct ParseFrame(FrameKind kind)
{
    public FrameKind Kind = kind;
    public int Count;
    public uint Seen;
    public UploadField Pending;
}

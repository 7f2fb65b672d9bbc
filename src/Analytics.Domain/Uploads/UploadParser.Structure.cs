using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>The structure of the file: field names, which level a value belongs to, ends of objects and arrays.</summary>
internal sealed partial class UploadParser
{
    private void OnPropertyName(ref Utf8JsonReader reader)
    {
        ref var frame = ref _frames[_depth];
        var field = reader.ValueIsEscaped ? IdentifyEscaped(ref reader, frame.Kind)
            : frame.Kind == FrameKind.Item ? UploadFieldNames.ItemField(reader.ValueSpan)
            : UploadFieldNames.Identify(frame.Kind, reader.ValueSpan);
        frame.Pending = UploadField.None;
        if (field == UploadField.None)
        {
            ReportUnknownField(ref reader, frame.Kind);
            return;
        }

        var bit = 1u << (int)field;
        if ((frame.Seen & bit) != 0)
        {
            ReportDuplicateField(ref reader, field, frame.Kind);
            return;
        }

        frame.Seen |= bit;
        frame.Pending = field;
    }

    private UploadField IdentifyEscaped(ref Utf8JsonReader reader, FrameKind kind) => UploadFieldNames.Identify(kind, Unescape(ref reader));

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
                    BeginStoreDay(ref reader);
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
            case FrameKind.Returns:
                frame.Count++;
                if (ExpectElementObject(ref reader, "return"))
                {
                    BeginReturn();
                }

                break;
            default:
                OnFieldValue(ref reader, ref frame);
                break;
        }
    }

    /// <summary>The value of an object's field: a field belongs to one kind of object, so it alone picks the reader.</summary>
    private void OnFieldValue(ref Utf8JsonReader reader, ref ParseFrame frame)
    {
        switch (frame.Pending)
        {
            case UploadField.None:
                SkipValue(ref reader);
                break;
            case UploadField.Sku:
                ReadSku(ref reader);
                break;
            case UploadField.Name:
                ReadName(ref reader);
                break;
            case UploadField.Category:
                ReadCategory(ref reader);
                break;
            case UploadField.Quantity:
                ReadQuantity(ref reader);
                break;
            case UploadField.UnitPrice:
                ReadUnitPrice(ref reader);
                break;
            case UploadField.Discount:
                ReadDiscount(ref reader);
                break;
            case UploadField.TransactionId:
                ReadTransactionId(ref reader);
                break;
            case UploadField.Timestamp:
                ReadTimestamp(ref reader);
                break;
            case UploadField.PaymentMethod:
                ReadPaymentMethod(ref reader);
                break;
            case UploadField.Items:
                if (Expect(ref reader, JsonTokenType.StartArray, UploadField.Items))
                {
                    Push(FrameKind.Items);
                }

                break;
            case UploadField.ReturnId:
                ReadReturnId(ref reader);
                break;
            case UploadField.Original:
                if (Expect(ref reader, JsonTokenType.StartObject, UploadField.Original))
                {
                    BeginOriginal();
                }

                break;
            case UploadField.OriginalTransactionId:
                ReadOriginalTransactionId(ref reader);
                break;
            case UploadField.OriginalBusinessDate:
                ReadOriginalBusinessDate(ref reader);
                break;
            case UploadField.OriginalStoreId:
                ReadOriginalStoreId(ref reader);
                break;
            default:
                OnStoreDayValue(ref reader, ref frame);
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
            BeginStoreDay(ref reader);
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
            case FrameKind.Return:
                EndReturn(ref reader);
                break;
            case FrameKind.Original:
                EndOriginal(ref reader);
                break;
        }

        _depth--;
    }

    private void OnEndArray(ref Utf8JsonReader reader)
    {
        var frame = _frames[_depth];
        // Version 2 may leave either of transactions and returns empty (EndStoreDay checks the store-day has something).
        if (frame.Count == 0 && frame.Kind != FrameKind.Returns && !(frame.Kind == FrameKind.Transactions && _schemaVersion == UploadLimits.ReturnsSchemaVersion))
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
        FrameKind.Return => "return",
        FrameKind.Original => "return's original sale",
        _ => "item",
    };

    private void ReportMissing(ref Utf8JsonReader reader, uint seen, uint required)
    {
        var missing = required & ~seen;
        for (var field = UploadField.SchemaVersion; missing != 0; field++)
        {
            var bit = 1u << (int)field;
            if ((missing & bit) != 0)
            {
                missing &= ~bit;
                var name = UploadFieldNames.Name(field);
                Report(ref reader, UploadProblemCodes.MissingField,
                       $"Required field '{name}' is missing from this {Describe(_frames[_depth].Kind)}.", name);
            }
        }
    }
}

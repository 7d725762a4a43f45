using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Recipes;
using Academy.Core.Text;
using Academy.Leeragenda.Models;

namespace Academy.Leeragenda.ViewModels.Admin;

/// <summary>The type's own fields (text, number, date, yes/no, link, picker) between the item and the form.</summary>
public sealed partial class OfferingFormMapper
{
    private static FieldInput FieldFromItem(ContentItem item, ContentTypeDefinition type, ContentFieldDefinition definition)
    {
        var input = new FieldInput { Name = definition.Name };
        try
        {
            switch (definition.Type)
            {
                case nameof(TextField):
                    input.Value = item.Field<TextField>(type.Name, definition.Name)?.Text;
                    break;
                case nameof(NumericField):
                    input.Value = item.Field<NumericField>(type.Name, definition.Name)?.Value is { } number ? DutchInput.FormatNumber(number) : null;
                    break;
                case nameof(DateField):
                    input.Value = item.Field<DateField>(type.Name, definition.Name)?.Value is { } date ? DutchInput.FormatDate(DateOnly.FromDateTime(date)) : null;
                    break;
                case nameof(BooleanField):
                    input.Value = item.Field<BooleanField>(type.Name, definition.Name)?.Value == true ? "true" : null;
                    break;
                case nameof(LinkField):
                    var link = item.Field<LinkField>(type.Name, definition.Name);
                    input.Url = link?.Url;
                    input.Text = link?.Text;
                    break;
                case nameof(ContentPickerField):
                    input.Value = item.Field<ContentPickerField>(type.Name, definition.Name)?.ContentItemIds.FirstOrDefault();
                    break;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // A stored value of the wrong shape shows as empty; saving writes a valid one.
        }
        return input;
    }

    private void ApplyFields(OfferingInput form, ContentItem item, ContentTypeDefinition type, FormErrors errors, IndexMap map)
    {
        var inputs = form.Fields ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var definition = type.Fields.FirstOrDefault(f => f.Name == input.Name);
            if (definition is null)
            {
                continue;
            }
            map.Fields[definition.Name] = i;
            var value = input.Value?.Trim();
            switch (definition.Type)
            {
                case nameof(TextField):
                    SetField(item, type, definition, string.IsNullOrEmpty(value) ? null : new TextField { Text = value });
                    break;
                case nameof(NumericField):
                    if (string.IsNullOrEmpty(value))
                    {
                        SetField(item, type, definition, null);
                    }
                    else if (DutchInput.TryParseDecimal(value, out var number))
                    {
                        if (StoredField<NumericField>(item, type, definition)?.Value != number)
                        {
                            SetField(item, type, definition, new NumericField { Value = number });
                        }
                    }
                    else
                    {
                        errors.Add(OfferingFormNames.Field(i, "Value"), T["{0}: vul een getal in, bijvoorbeeld 90 of 2,5.", definition.DisplayName]);
                    }
                    break;
                case nameof(DateField):
                    if (string.IsNullOrEmpty(value))
                    {
                        SetField(item, type, definition, null);
                    }
                    else if (DutchInput.TryParseDate(value, out var date))
                    {
                        if (StoredField<DateField>(item, type, definition)?.Value is not { } storedDate || DateOnly.FromDateTime(storedDate) != date)
                        {
                            SetField(item, type, definition, new DateField { Value = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
                        }
                    }
                    else
                    {
                        errors.Add(OfferingFormNames.Field(i, "Value"), T["{0}: vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 15-09-2026.", definition.DisplayName]);
                    }
                    break;
                case nameof(BooleanField):
                    SetField(item, type, definition, new BooleanField { Value = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) });
                    break;
                case nameof(LinkField):
                    var url = input.Url?.Trim();
                    var text = input.Text?.Trim();
                    if (string.IsNullOrEmpty(url))
                    {
                        if (!string.IsNullOrEmpty(text))
                        {
                            errors.Add(OfferingFormNames.Field(i, "Url"), T["{0}: vul ook het webadres van de link in.", definition.DisplayName]);
                        }
                        SetField(item, type, definition, null);
                    }
                    else if (!DutchInput.IsWebAddress(url))
                    {
                        errors.Add(OfferingFormNames.Field(i, "Url"), T["{0}: het webadres is niet geldig. Het begint met https://", definition.DisplayName]);
                    }
                    else
                    {
                        SetField(item, type, definition, new LinkField { Url = url, Text = string.IsNullOrEmpty(text) ? null : text });
                    }
                    break;
                case nameof(ContentPickerField):
                    SetField(item, type, definition, string.IsNullOrEmpty(value) ? null : new ContentPickerField { ContentItemIds = [value] });
                    break;
            }
        }
    }

    /// <summary>
    /// Writes a field value; an empty value removes the field, so a required field is reported as missing by
    /// the content manager (a stored value that is empty too is left alone, so an unchanged form changes nothing).
    /// </summary>
    private static void SetField(ContentItem item, ContentTypeDefinition type, ContentFieldDefinition definition, ContentField? field)
    {
        if (field is not null)
        {
            if (item.Content[type.Name] is not JsonObject part)
            {
                part = [];
                item.Content[type.Name] = part;
            }
            var node = System.Text.Json.JsonSerializer.SerializeToNode(field, field.GetType(), ContentJson.Options);
            if (!JsonNode.DeepEquals(part[definition.Name], node))
            {
                part[definition.Name] = node;
            }
        }
        else if (item.Content[type.Name] is JsonObject part && part[definition.Name] is { } stored
                 && (definition.Required || !IsEmpty(stored, definition.Type)))
        {
            part.Remove(definition.Name);
        }
    }

    private static TField? StoredField<TField>(ContentItem item, ContentTypeDefinition type, ContentFieldDefinition definition) where TField : ContentField
    {
        try
        {
            return item.Field<TField>(type.Name, definition.Name);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsEmpty(JsonNode stored, string fieldType)
    {
        try
        {
            return fieldType switch
            {
                nameof(TextField) => string.IsNullOrWhiteSpace(stored.Deserialize<TextField>(ContentJson.Options)?.Text),
                nameof(NumericField) => stored.Deserialize<NumericField>(ContentJson.Options)?.Value is null,
                nameof(DateField) => stored.Deserialize<DateField>(ContentJson.Options)?.Value is null,
                nameof(LinkField) => string.IsNullOrWhiteSpace(stored.Deserialize<LinkField>(ContentJson.Options)?.Url),
                nameof(ContentPickerField) => stored.Deserialize<ContentPickerField>(ContentJson.Options)?.ContentItemIds is null or { Count: 0 },
                _ => false,
            };
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}

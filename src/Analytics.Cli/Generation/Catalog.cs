namespace Analytics.Cli.Generation;

/// <summary>
/// A generated product catalogue: categories with typical price ranges, product names built from word lists, and
/// a Zipf-like popularity (the k-th product sells about 1/k^s as often as the first), drawn by binary search on the
/// cumulative weights.
/// </summary>
internal sealed class Catalog
{
    private static readonly (string Category, decimal MinPrice, decimal MaxPrice, string[] Nouns)[] s_categories =
    [
        ("Coffee", 3.50m, 24.00m, ["Espresso Beans", "Filter Coffee", "Cold Brew", "Decaf Blend", "Single Origin", "Coffee Pods"]),
        ("Tea", 2.50m, 18.00m, ["Green Tea", "Earl Grey", "Chai Mix", "Herbal Infusion", "Matcha", "Breakfast Tea"]),
        ("Bakery", 1.20m, 9.50m, ["Sourdough Loaf", "Croissant", "Bagels", "Rye Bread", "Muffins", "Cinnamon Rolls"]),
        ("Dairy", 0.90m, 8.00m, ["Whole Milk", "Greek Yoghurt", "Cheddar", "Butter", "Oat Drink", "Cream Cheese"]),
        ("Produce", 0.40m, 6.50m, ["Bananas", "Avocados", "Tomatoes", "Spinach", "Apples", "Blueberries"]),
        ("Snacks", 0.80m, 7.00m, ["Crisps", "Granola Bar", "Dark Chocolate", "Trail Mix", "Pretzels", "Rice Cakes"]),
        ("Beverages", 0.90m, 12.00m, ["Sparkling Water", "Orange Juice", "Lemonade", "Kombucha", "Cola", "Iced Tea"]),
        ("Household", 1.50m, 25.00m, ["Dish Soap", "Paper Towels", "Laundry Pods", "Sponges", "Bin Bags", "Glass Cleaner"]),
        ("Personal Care", 1.80m, 30.00m, ["Shampoo", "Toothpaste", "Hand Soap", "Body Lotion", "Deodorant", "Lip Balm"]),
        ("Frozen", 1.50m, 14.00m, ["Frozen Peas", "Ice Cream", "Fish Fingers", "Pizza", "Berries Mix", "Dumplings"]),
        ("Pantry", 0.70m, 16.00m, ["Olive Oil", "Pasta", "Basmati Rice", "Tomato Sauce", "Peanut Butter", "Honey"]),
        ("Kitchenware", 3.00m, 60.00m, ["Travel Mug", "Chef Knife", "Cutting Board", "French Press", "Mixing Bowl", "Tea Towel"]),
    ];

    private static readonly string[] s_sizes = ["250g", "500g", "1kg", "330ml", "1l", "6 pack", "Small", "Large", "Family Size", "Organic"];

    private readonly double[] _cumulative;

    public Catalog(int productCount, Random random, double zipfExponent = 1.07)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(productCount, 1);
        var products = new Product[productCount];
        for (var i = 0; i < productCount; i++)
        {
            var (category, min, max, nouns) = s_categories[random.Next(s_categories.Length)];
            var name = $"{nouns[random.Next(nouns.Length)]} {s_sizes[random.Next(s_sizes.Length)]}";
            var price = decimal.Round(min + ((max - min) * (decimal)random.NextDouble()), 2);
            products[i] = new Product($"SKU-{i + 1:D6}", name, category, price);
        }

        Products = products;
        _cumulative = new double[productCount];
        var total = 0d;
        for (var k = 0; k < productCount; k++)
        {
            total += 1d / Math.Pow(k + 1, zipfExponent);
            _cumulative[k] = total;
        }

        for (var k = 0; k < productCount; k++)
        {
            _cumulative[k] /= total;
        }
    }

    public IReadOnlyList<Product> Products { get; }

    public static IReadOnlyList<string> Categories { get; } = [.. s_categories.Select(c => c.Category)];

    /// <summary>A product drawn by popularity.</summary>
    public Product Draw(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Products[Math.Min(index < 0 ? ~index : index, Products.Count - 1)];
    }
}

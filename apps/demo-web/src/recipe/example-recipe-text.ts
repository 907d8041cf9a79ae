/** The text the recipe view starts with: a recipe told as a story, as people write them. */
export const EXAMPLE_RECIPE_TEXT =
  'Sunday pancakes, enough for four. Whisk 200 g of plain flour with 2 teaspoons of baking ' +
  'powder and a pinch of salt. Beat in 2 eggs and 300 ml of milk until smooth, then stir in ' +
  '30 g of melted butter. Let the batter rest for ten minutes. Heat a lightly buttered pan ' +
  'over a medium heat and pour in a small ladle of batter. Flip each pancake when bubbles ' +
  'appear, and serve warm with maple syrup.';

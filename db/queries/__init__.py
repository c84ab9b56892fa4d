"""All SQL of the app, one module per area: reads return DataFrames or figures, writes are verbs."""

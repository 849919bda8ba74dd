"""Code behind the build hook: data models, loading, rendering and site fixes."""

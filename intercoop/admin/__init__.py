"""The intercooperation tools in the Wagtail admin, one module per part, registered by wagtail_hooks."""

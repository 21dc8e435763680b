"""Forms of the intercooperation tools, one module per part."""

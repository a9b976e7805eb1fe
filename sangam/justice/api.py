from ninja import Router
router = Router(tags=["justice"])

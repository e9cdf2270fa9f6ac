"""The web dashboard: ``create_app(store)`` gives a FastAPI app with pages (Russian),
their JSON twins under ``/api``, and every asset served from the package.

    uvicorn.run(create_app(Store("bilat.db")), host="127.0.0.1", port=8000)
"""

from bilat.web.app import DEFAULT_HOST, create_app

__all__ = ["DEFAULT_HOST", "create_app"]

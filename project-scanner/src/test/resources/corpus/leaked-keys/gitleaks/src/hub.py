model = AutoModel.from_pretrained("pyannote/segmentation", use_auth_token='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')
CI_HUB_USER_TOKEN = "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"
parser.add_argument("--hf_token", type=str, default='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', help="Hugging Face Access Token to access PyAnnote gated models")
